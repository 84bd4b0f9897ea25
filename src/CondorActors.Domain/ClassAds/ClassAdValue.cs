using System.Globalization;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// The result of evaluating a ClassAd expression: one of the kinds of <see cref="ClassAdValueKind"/>.
/// A small immutable struct; <c>default</c> is <see cref="Undefined"/>.
/// <see cref="Equals(ClassAdValue)"/> is meta-equality (<c>=?=</c>): same kind and same value, strings
/// compared with case.
/// </summary>
public readonly partial struct ClassAdValue : IEquatable<ClassAdValue>
{
    // Integers and booleans live in _bits, reals and relative times as the bits of a double;
    // strings, lists, records and absolute times in _ref.
    private readonly object? _ref;
    private readonly long _bits;
    private readonly ClassAdValueKind _kind;

    private ClassAdValue(ClassAdValueKind kind, long bits, object? reference)
    {
        _kind = kind;
        _bits = bits;
        _ref = reference;
    }

    /// <summary>The reference part (strings, lists, records, absolute times); for compact storage.</summary>
    internal object? Reference => _ref;

    /// <summary>The bits part (integers, booleans, reals, relative times); for compact storage.</summary>
    internal long Bits => _bits;

    /// <summary>The <c>undefined</c> value.</summary>
    public static ClassAdValue Undefined => default;

    /// <summary>The <c>error</c> value.</summary>
    public static ClassAdValue Error { get; } = new(ClassAdValueKind.Error, 0, null);

    /// <summary>The boolean <c>true</c>.</summary>
    public static ClassAdValue True { get; } = new(ClassAdValueKind.Boolean, 1, null);

    /// <summary>The boolean <c>false</c>.</summary>
    public static ClassAdValue False { get; } = new(ClassAdValueKind.Boolean, 0, null);

    /// <summary>The kind of this value.</summary>
    public ClassAdValueKind Kind => _kind;

    /// <summary>True for <c>undefined</c>.</summary>
    public bool IsUndefined => _kind == ClassAdValueKind.Undefined;

    /// <summary>True for <c>error</c>.</summary>
    public bool IsError => _kind == ClassAdValueKind.Error;

    /// <summary>True for <c>undefined</c> or <c>error</c>.</summary>
    public bool IsExceptional => _kind is ClassAdValueKind.Undefined or ClassAdValueKind.Error;

    /// <summary>True for integers and reals.</summary>
    public bool IsNumber => _kind is ClassAdValueKind.Integer or ClassAdValueKind.Real;

    /// <summary>Rebuilds a value from <see cref="Kind"/>, <see cref="Bits"/> and <see cref="Reference"/>.</summary>
    internal static ClassAdValue FromParts(ClassAdValueKind kind, long bits, object? reference) => new(kind, bits, reference);

    /// <summary>A boolean value.</summary>
    public static ClassAdValue FromBoolean(bool value) => value ? True : False;

    /// <summary>An integer value.</summary>
    public static ClassAdValue FromInteger(long value) => new(ClassAdValueKind.Integer, value, null);

    /// <summary>A real value.</summary>
    public static ClassAdValue FromReal(double value) =>
        new(ClassAdValueKind.Real, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A string value.</summary>
    public static ClassAdValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ClassAdValueKind.String, 0, value);
    }

    /// <summary>A list value; the items are copied.</summary>
    public static ClassAdValue FromList(IEnumerable<ClassAdValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(ClassAdValueKind.List, 0, items.ToArray());
    }

    /// <summary>A nested ClassAd value.</summary>
    public static ClassAdValue FromRecord(ClassAd ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        return new(ClassAdValueKind.Record, 0, new ClassAdRecord(ad, null));
    }

    /// <summary>An absolute time.</summary>
    public static ClassAdValue FromAbsoluteTime(DateTimeOffset value) =>
        new(ClassAdValueKind.AbsoluteTime, 0, value);

    /// <summary>A relative time (a duration).</summary>
    public static ClassAdValue FromRelativeTime(TimeSpan value) =>
        new(ClassAdValueKind.RelativeTime, BitConverter.DoubleToInt64Bits(value.TotalSeconds), null);

    internal static ClassAdValue FromRelativeSeconds(double seconds) =>
        new(ClassAdValueKind.RelativeTime, BitConverter.DoubleToInt64Bits(seconds), null);

    internal static ClassAdValue FromListUnsafe(ClassAdValue[] items) => new(ClassAdValueKind.List, 0, items);

    internal static ClassAdValue FromRecord(ClassAdRecord record) => new(ClassAdValueKind.Record, 0, record);

    /// <summary>Gets the boolean, if this is a boolean.</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = _kind == ClassAdValueKind.Boolean && _bits != 0;
        return _kind == ClassAdValueKind.Boolean;
    }

    /// <summary>Gets the integer, if this is an integer.</summary>
    public bool TryGetInteger(out long value)
    {
        value = _kind == ClassAdValueKind.Integer ? _bits : 0;
        return _kind == ClassAdValueKind.Integer;
    }

    /// <summary>Gets the real, if this is a real (integers are not converted).</summary>
    public bool TryGetReal(out double value)
    {
        value = _kind == ClassAdValueKind.Real ? BitConverter.Int64BitsToDouble(_bits) : 0;
        return _kind == ClassAdValueKind.Real;
    }

    /// <summary>Gets an integer or a real as a double.</summary>
    public bool TryGetNumber(out double value)
    {
        switch (_kind)
        {
            case ClassAdValueKind.Integer:
                value = _bits;
                return true;
            case ClassAdValueKind.Real:
                value = BitConverter.Int64BitsToDouble(_bits);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Gets the string, if this is a string.</summary>
    public bool TryGetString([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = _ref as string;
        return _kind == ClassAdValueKind.String;
    }

    /// <summary>Gets the items, if this is a list.</summary>
    public bool TryGetList([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<ClassAdValue>? items)
    {
        items = _kind == ClassAdValueKind.List ? (ClassAdValue[])_ref! : null;
        return items is not null;
    }

    /// <summary>Gets the nested ad, if this is a record.</summary>
    public bool TryGetRecord([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClassAd? ad)
    {
        ad = _kind == ClassAdValueKind.Record ? ((ClassAdRecord)_ref!).Ad : null;
        return ad is not null;
    }

    /// <summary>Gets the time, if this is an absolute time.</summary>
    public bool TryGetAbsoluteTime(out DateTimeOffset value)
    {
        value = _kind == ClassAdValueKind.AbsoluteTime ? (DateTimeOffset)_ref! : default;
        return _kind == ClassAdValueKind.AbsoluteTime;
    }

    /// <summary>Gets the duration, if this is a relative time.</summary>
    public bool TryGetRelativeTime(out TimeSpan value)
    {
        value = _kind == ClassAdValueKind.RelativeTime ? TimeSpan.FromSeconds(RealBits) : default;
        return _kind == ClassAdValueKind.RelativeTime;
    }

    /// <summary>
    /// The ClassAd "boolean equivalent": booleans as they are, numbers true when non-zero. False
    /// for every other kind (strings, lists, undefined, error).
    /// </summary>
    public bool TryGetBooleanEquivalent(out bool value)
    {
        switch (_kind)
        {
            case ClassAdValueKind.Boolean:
            case ClassAdValueKind.Integer:
                value = _bits != 0;
                return true;
            case ClassAdValueKind.Real:
                value = BitConverter.Int64BitsToDouble(_bits) != 0;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>True only for the boolean <c>true</c> (the test a Requirements expression must pass).</summary>
    public bool IsTrue => _kind == ClassAdValueKind.Boolean && _bits != 0;

    internal long IntegerBits => _bits;

    internal double RealBits => BitConverter.Int64BitsToDouble(_bits);

    internal string StringRef => (string)_ref!;

    internal ClassAdValue[] ListRef => (ClassAdValue[])_ref!;

    internal ClassAdRecord RecordRef => (ClassAdRecord)_ref!;

    internal DateTimeOffset AbsoluteTimeRef => (DateTimeOffset)_ref!;

    /// <summary>The value as ClassAd literal text (strings quoted and escaped).</summary>
    public override string ToString() => ClassAdPrinter.Print(this);

    /// <summary>Meta-equality (<c>=?=</c>): same kind and same value; strings compared with case.</summary>
    public bool Equals(ClassAdValue other)
    {
        if (_kind != other._kind)
        {
            return false;
        }

        return _kind switch
        {
            ClassAdValueKind.Undefined or ClassAdValueKind.Error => true,
            ClassAdValueKind.Boolean or ClassAdValueKind.Integer => _bits == other._bits,
            ClassAdValueKind.Real or ClassAdValueKind.RelativeTime => RealBits.Equals(other.RealBits),
            ClassAdValueKind.String => string.Equals(StringRef, other.StringRef, StringComparison.Ordinal),
            ClassAdValueKind.AbsoluteTime => AbsoluteTimeRef.EqualsExact(other.AbsoluteTimeRef),
            ClassAdValueKind.List => ListRef.AsSpan().SequenceEqual(other.ListRef),
            ClassAdValueKind.Record => ReferenceEquals(RecordRef.Ad, other.RecordRef.Ad)
                || RecordRef.Ad.ContentEquals(other.RecordRef.Ad),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClassAdValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _kind switch
    {
        ClassAdValueKind.String => HashCode.Combine(_kind, StringComparer.Ordinal.GetHashCode(StringRef)),
        ClassAdValueKind.List => HashCode.Combine(_kind, ListRef.Length),
        ClassAdValueKind.Record => HashCode.Combine(_kind, RecordRef.Ad.Count),
        ClassAdValueKind.AbsoluteTime => HashCode.Combine(_kind, AbsoluteTimeRef),
        _ => HashCode.Combine(_kind, _bits),
    };

    /// <summary>Meta-equality.</summary>
    public static bool operator ==(ClassAdValue left, ClassAdValue right) => left.Equals(right);

    /// <summary>Meta-inequality.</summary>
    public static bool operator !=(ClassAdValue left, ClassAdValue right) => !left.Equals(right);

    /// <summary>An integer value.</summary>
    public static implicit operator ClassAdValue(long value) => FromInteger(value);

    /// <summary>A real value.</summary>
    public static implicit operator ClassAdValue(double value) => FromReal(value);

    /// <summary>A boolean value.</summary>
    public static implicit operator ClassAdValue(bool value) => FromBoolean(value);

    /// <summary>A string value.</summary>
    public static implicit operator ClassAdValue(string value) => FromString(value);

    internal static string FormatReal(double value) => ClassAdPrinter.FormatReal(value);

    internal static string FormatInteger(long value) => value.ToString(CultureInfo.InvariantCulture);
}
