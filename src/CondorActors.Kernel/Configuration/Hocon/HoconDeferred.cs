namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// A node whose value is known only at resolution time (a substitution or a concatenation). It
/// carries the resolver's memo for itself: a large file holds thousands of them, and a memo
/// field per node costs less than two growing dictionaries keyed by node.
/// </summary>
internal abstract class HoconDeferred : HoconNode
{
    private protected HoconDeferred(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <summary>The resolver the memo belongs to (a memo of another resolution is ignored).</summary>
    internal object? MemoOwner { get; set; }

    /// <summary>
    /// The memoized result: a <see cref="HoconValue"/>, the object parts of a spliced
    /// concatenation (<see cref="HoconObject"/>[]), or a marker for "undefined".
    /// </summary>
    internal object? Memo { get; set; }
}
