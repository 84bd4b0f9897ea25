using System.Globalization;

namespace CondorActors.Kernel.Persistence;

/// <summary>
/// Timestamps are stored as UTC with microsecond precision: PostgreSQL's timestamptz cannot hold
/// more, and SQLite stores the same text so both stores return identical values.
/// </summary>
internal static class StoredTimestamp
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static DateTimeOffset Normalize(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public static string ToText(DateTimeOffset value) =>
        Normalize(value).UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTime ToUtcDateTime(DateTimeOffset value) => Normalize(value).UtcDateTime;
}
