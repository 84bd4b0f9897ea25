namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>A resolved array.</summary>
public sealed class HoconArray : HoconValue
{
    /// <summary>Creates an array.</summary>
    public HoconArray(IReadOnlyList<HoconValue> items, HoconOrigin origin)
        : base(origin) => Items = items;

    /// <summary>The elements.</summary>
    public IReadOnlyList<HoconValue> Items { get; }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Array;

    /// <inheritdoc/>
    public override string? ScalarText => null;
}
