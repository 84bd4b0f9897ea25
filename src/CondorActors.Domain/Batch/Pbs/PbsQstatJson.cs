using System.Globalization;
using System.Text.Json;

namespace CondorActors.Domain.Batch.Pbs;

/// <summary>
/// Parses <c>qstat -x -f -F json</c> (PBS Professional 18+): <c>{"timestamp":..,"pbs_version":..,
/// "pbs_server":..,"Jobs":{"123.server":{"Job_Name":..,"job_state":"R",..}}}</c>. No "Jobs" key
/// means no jobs. Output that is not complete JSON (cut off) is rejected whole.
/// </summary>
internal static class PbsQstatJson
{
    public const string TagVariable = "CONDORACTORS_TAG";

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, MaxDepth = 16 };

    public static List<BatchJobStatus> Parse(string output, BatchJobTag? tag)
    {
        var jobs = new List<BatchJobStatus>();
        if (string.IsNullOrWhiteSpace(output))
        {
            return jobs;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output, Options);
        }
        catch (JsonException ex)
        {
            throw new BatchOutputFormatException($"qstat -F json printed something that is not complete JSON (truncated?): {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BatchOutputFormatException("qstat -F json did not print a JSON object.");
            }

            if (!document.RootElement.TryGetProperty("Jobs", out var all))
            {
                return jobs;
            }

            foreach (var job in all.EnumerateObject())
            {
                var name = Text(job.Value, "Job_Name");
                var tagValue = job.Value.TryGetProperty("Variable_List", out var variables) ? Text(variables, TagVariable) : null;
                if (tag is not null && !tag.Matches(name, tagValue is null ? null : BatchJobTag.CommentPrefix + tagValue))
                {
                    continue;
                }

                jobs.Add(ToStatus(job.Name, job.Value, name));
            }
        }

        return jobs;
    }

    private static BatchJobStatus ToStatus(string jobId, JsonElement job, string? name)
    {
        var raw = Text(job, "job_state")
            ?? throw new BatchOutputFormatException($"qstat job {jobId} has no job_state.");
        var comment = Text(job, "comment");
        var status = new BatchJobStatus(jobId, PbsStates.Table.Map(raw), raw)
        {
            Name = name,
            Reason = comment,
            NodeList = Hosts(Text(job, "exec_host")),
            StartTime = Time(Text(job, "stime")),
        };
        if (raw is not ("F" or "X"))
        {
            return status;
        }

        var (state, exitCode, signal, reason) = PbsStates.MapFinished(ExitStatus(job, jobId), WalltimeExhausted(job));
        return status with
        {
            State = state,
            ExitCode = exitCode,
            Signal = signal,
            Reason = reason is null ? comment : comment is null ? reason : $"{reason}; {comment}",
            EndTime = Time(Text(job, "obittime")) ?? Time(Text(job, "mtime")),
        };
    }

    // PBS Pro writes Exit_status; some versions and tools use exit_status.
    private static int? ExitStatus(JsonElement job, string jobId)
    {
        foreach (var property in job.EnumerateObject())
        {
            if (property.Name.Equals("Exit_status", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.Number => property.Value.GetInt32(),
                    JsonValueKind.String when int.TryParse(property.Value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
                    _ => throw new BatchOutputFormatException($"qstat job {jobId} has a non-numeric Exit_status."),
                };
            }
        }

        return null;
    }

    private static bool WalltimeExhausted(JsonElement job)
    {
        var used = job.TryGetProperty("resources_used", out var u) ? Duration(Text(u, "walltime")) : null;
        var limit = job.TryGetProperty("Resource_List", out var l) ? Duration(Text(l, "walltime")) : null;
        return used is not null && limit is not null && used >= limit;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>exec_host "nid1/0*2+nid2/0*2" lists hosts with their CPU slots: keep the host names.</summary>
    private static string? Hosts(string? execHost) =>
        execHost is null ? null : string.Join(',', execHost.Split('+').Select(h => h.Split('/')[0]).Distinct());

    /// <summary>PBS times are ctime-style local times: "Tue Oct  4 21:23:33 2022".</summary>
    private static DateTimeOffset? Time(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var normalized = string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateTime.TryParseExact(normalized, "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local)
            ? new DateTimeOffset(local)
            : null;
    }

    /// <summary>PBS durations are [[H:]M:]S with hours possibly past 24.</summary>
    private static TimeSpan? Duration(string? value)
    {
        if (value is null)
        {
            return null;
        }

        long seconds = 0;
        foreach (var part in value.Split(':'))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            seconds = (seconds * 60) + number;
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
