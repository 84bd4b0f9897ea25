using System.Text.Json;
using CondorActors.Domain.Batch.Slurm;

namespace CondorActors.Domain.Batch.Sfapi;

/// <summary>
/// Parses the Superfacility API's job answers: <c>{"status":"OK","output":[...],"error":null}</c>
/// where each output item is squeue's fields (jobid, name, state, reason, nodelist, start_time,
/// end_time, comment) or, with sacct=true, sacct's (jobid, jobname, state, exitcode, nodelist,
/// start, end). States are Slurm's and go through the Slurm table.
/// </summary>
internal static class SfapiJobs
{
    public static IReadOnlyList<JsonElement> Output(JsonDocument document, string what)
    {
        var root = document.RootElement;
        if (Text(root, "status") is { } status && status.Equals("ERROR", StringComparison.OrdinalIgnoreCase))
        {
            var error = Text(root, "error") ?? "no error text";
            throw IsSlurmDown(error)
                ? new BatchSystemUnavailableException($"Superfacility API {what}: {error}")
                : new BatchCommandException($"Superfacility API {what} failed: {error}");
        }

        if (!root.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Array)
        {
            throw new BatchOutputFormatException($"Superfacility API {what} answered without an output list.");
        }

        return [.. output.EnumerateArray()];
    }

    public static BatchJobStatus FromSqueue(JsonElement item) =>
        SlurmValues.Status(
            JobId(item),
            Text(item, "name"),
            Text(item, "state") ?? string.Empty,
            Text(item, "reason"),
            (null, null),
            Text(item, "nodelist"),
            Text(item, "start_time"),
            Text(item, "end_time"),
            BatchStatusSource.Queue);

    public static BatchJobStatus FromSacct(JsonElement item) =>
        SlurmValues.Status(
            JobId(item),
            Text(item, "jobname"),
            Text(item, "state") ?? string.Empty,
            Text(item, "reason"),
            SlurmValues.ExitPair(Text(item, "exitcode")),
            Text(item, "nodelist"),
            Text(item, "start"),
            Text(item, "end"),
            BatchStatusSource.Accounting);

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            }
            : null;

    public static bool IsSlurmDown(string error) =>
        error.Contains("Unable to contact slurm controller", StringComparison.OrdinalIgnoreCase) ||
        error.Contains("Socket timed out", StringComparison.OrdinalIgnoreCase) ||
        (error.Contains("slurm_load_jobs error", StringComparison.Ordinal) && !SlurmErrors.IsInvalidJobId(error));

    private static string JobId(JsonElement item) =>
        Text(item, "jobid") ?? throw new BatchOutputFormatException("Superfacility API job item has no jobid.");
}
