using System.Globalization;

namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>A string value.</summary>
public sealed class HoconString : HoconValue
{
    /// <summary>Creates a string value.</summary>
    public HoconString(string value, HoconOrigin origin)
        : base(origin) => Value = value;

    /// <summary>The text.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.String;

    /// <inheritdoc/>
    public override string? ScalarText => Value;
}

/// <summary>A number, kept as written so that concatenation and paths see the original text.</summary>
public sealed class HoconNumber : HoconValue
{
    /// <summary>Creates a number from its JSON text.</summary>
    public HoconNumber(string raw, HoconOrigin origin)
        : base(origin) => Raw = raw;

    /// <summary>The number as written in the file.</summary>
    public string Raw { get; }

    /// <summary>The number as a double.</summary>
    public double AsDouble => double.Parse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Number;

    /// <inheritdoc/>
    public override string? ScalarText => Raw;
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class HoconBoolean : HoconValue
{
    /// <summary>Creates a boolean.</summary>
    public HoconBoolean(bool value, HoconOrigin origin)
        : base(origin) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Boolean;

    /// <inheritdoc/>
    public override string? ScalarText => Value ? "true" : "false";
}

/// <summary><c>null</c>.</summary>
public sealed class HoconNull : HoconValue
{
    /// <summary>Creates a null.</summary>
    public HoconNull(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Null;

    /// <inheritdoc/>
    public override string? ScalarText => "null";
}
