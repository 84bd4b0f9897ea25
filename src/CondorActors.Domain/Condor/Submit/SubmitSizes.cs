using System.Globalization;
using System.Text.RegularExpressions;

namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// <c>request_memory</c> and <c>request_disk</c> as condor_submit reads them: a bare number is
/// MiB for memory and KiB for disk; a K, M, G or T suffix (optionally followed by B, any case)
/// scales by 1024s. Rendered as a whole number in the command's own unit, rounded up.
/// </summary>
internal static partial class SubmitSizes
{
    /// <summary>Largest accepted request: 1 PiB in either unit (beyond any machine).</summary>
    private const double MaxBytes = 1024d * 1024 * 1024 * 1024 * 1024;

    public static long Parse(string field, string text, long unitBytes)
    {
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            throw new SubmitRequestException(field, $"'{field}' must be a size such as 2048, 4G or 512MB (a bare number is {(unitBytes == 1024 ? "KiB" : "MiB")}).");
        }

        var amount = double.Parse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var scale = match.Groups["u"].Value.ToUpperInvariant() switch
        {
            "" => unitBytes,
            "K" => 1024d,
            "M" => 1024d * 1024,
            "G" => 1024d * 1024 * 1024,
            "T" => 1024d * 1024 * 1024 * 1024,
            _ => throw new SubmitRequestException(field, $"'{field}' has an unknown unit."),
        };
        return FromBytes(field, amount * scale, unitBytes);
    }

    public static long FromNumber(string field, double amount, long unitBytes) => FromBytes(field, amount * unitBytes, unitBytes);

    private static long FromBytes(string field, double bytes, long unitBytes)
    {
        if (!(bytes > 0) || bytes > MaxBytes)
        {
            throw new SubmitRequestException(field, $"'{field}' must be more than 0 and at most 1 PiB.");
        }

        return (long)Math.Ceiling(bytes / unitBytes);
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?:(?<u>[KMGTkmgt])(?:i?[Bb])?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
