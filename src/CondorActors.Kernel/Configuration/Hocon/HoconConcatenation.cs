namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>Values written side by side on one line: a string, array or object concatenation.</summary>
internal sealed class HoconConcatenation : HoconDeferred
{
    public HoconConcatenation(HoconNode[] parts, HoconOrigin origin)
        : base(origin) => Parts = parts;

    /// <summary>Parts in order; <see cref="HoconWhitespace"/> marks whitespace between values.</summary>
    /// <remarks>An array of the exact size rather than a list: the node lives until resolution ends.</remarks>
    public HoconNode[] Parts { get; }
}

/// <summary>Whitespace between two values of a concatenation (kept in strings, ignored between arrays or objects).</summary>
/// <remarks>
/// Nothing reports where whitespace was written, so it has no origin of its own and the usual
/// single space is one shared node rather than one per concatenation.
/// </remarks>
internal sealed class HoconWhitespace : HoconNode
{
    private static readonly HoconWhitespace Space = new(" ");

    private HoconWhitespace(string text)
        : base(default) => Text = text;

    public string Text { get; }

    public static HoconWhitespace Of(string text) => text == " " ? Space : new HoconWhitespace(text);
}
