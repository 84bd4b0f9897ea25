namespace CondorActors.Domain.ClassAds;

/// <summary>The type of a <see cref="ClassAdValue"/>, as in the ClassAd language.</summary>
public enum ClassAdValueKind
{
    /// <summary>The value of a missing attribute or of an expression over one (<c>undefined</c>).</summary>
    Undefined = 0,

    /// <summary>The result of a type error, a division by zero, a cycle... (<c>error</c>).</summary>
    Error,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A 64-bit signed integer.</summary>
    Integer,

    /// <summary>A double-precision real.</summary>
    Real,

    /// <summary>A string; <c>==</c> compares strings without case, <c>=?=</c> with case.</summary>
    String,

    /// <summary>A list of values (<c>{ 1, "a" }</c>).</summary>
    List,

    /// <summary>A nested ClassAd (<c>[ a = 1; b = 2 ]</c>).</summary>
    Record,

    /// <summary>A point in time with a UTC offset (<c>absTime(...)</c>).</summary>
    AbsoluteTime,

    /// <summary>A duration in seconds (<c>relTime(...)</c>).</summary>
    RelativeTime,
}
