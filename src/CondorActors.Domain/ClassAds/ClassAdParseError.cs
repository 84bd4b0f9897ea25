namespace CondorActors.Domain.ClassAds;

/// <summary>
/// A syntax error: <paramref name="Offset"/> is the 0-based character offset, <paramref name="Line"/>
/// and <paramref name="Column"/> are 1-based; <paramref name="Expected"/> says what the parser wanted
/// and <paramref name="Found"/> what it saw (both human-readable).
/// </summary>
public sealed record ClassAdParseError(string Message, int Offset, int Line, int Column, string Expected, string Found)
{
    /// <summary>The message with its position, e.g. "expected ')' but found end of input at offset 7 (line 1, column 8)".</summary>
    public override string ToString() => $"{Message} at offset {Offset} (line {Line}, column {Column})";
}
