namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>The kinds of resolved values (JSON's types).</summary>
public enum HoconValueType
{
    /// <summary>An object with ordered keys.</summary>
    Object,

    /// <summary>An array.</summary>
    Array,

    /// <summary>A string (quoted, unquoted or concatenated).</summary>
    String,

    /// <summary>A number, kept as written.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}

/// <summary>A fully resolved HOCON value with the origin of its definition.</summary>
public abstract class HoconValue : HoconNode
{
    private protected HoconValue(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <summary>The value's type.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>
    /// The text a scalar contributes to a string concatenation (numbers as written, <c>null</c>
    /// as "null"); null for objects and arrays.
    /// </summary>
    public abstract string? ScalarText { get; }
}
