namespace CondorActors.Domain.Batch.Cobalt;

/// <summary>
/// Parses Cobalt's <c>qstat -f -l</c> (full header, vertical): for each job a line
/// <c>JobID: 123</c>, then indented <c>Key : value</c> lines, then an empty line
/// (Cobalt.Util.print_vertical). A block without JobName or State, or output that does not end
/// with the empty line after the last job, is rejected whole.
/// </summary>
internal static class CobaltQstatOutput
{
    public static List<BatchJobStatus> Parse(string output, BatchJobTag? tag)
    {
        var jobs = new List<BatchJobStatus>();
        if (string.IsNullOrWhiteSpace(output))
        {
            return jobs;
        }

        if (!output.EndsWith("\n\n", StringComparison.Ordinal))
        {
            throw new BatchOutputFormatException("Cobalt qstat output does not end with the empty line after its last job: truncated; nothing of it was used.");
        }

        Dictionary<string, string>? block = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new BatchOutputFormatException($"Cobalt qstat line '{line}' is not 'Key: value'.");
            }

            var key = line[..colon].Trim();
            if (!char.IsWhiteSpace(line[0]))
            {
                Flush();
                if (key != "JobID")
                {
                    throw new BatchOutputFormatException($"Cobalt qstat block starts with '{key}', not JobID.");
                }

                block = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            if (block is null)
            {
                throw new BatchOutputFormatException("Cobalt qstat output starts with an indented line.");
            }

            block[key] = line[(colon + 1)..].Trim();
        }

        return jobs;

        void Flush()
        {
            if (block is null)
            {
                return;
            }

            if (!block.TryGetValue("JobName", out var name) || !block.TryGetValue("State", out var state))
            {
                throw new BatchOutputFormatException($"Cobalt qstat job {block["JobID"]} has no JobName or State.");
            }

            if (tag is null || tag.Matches(name, null))
            {
                var location = block.GetValueOrDefault("Location");
                jobs.Add(new BatchJobStatus(block["JobID"], CobaltStates.Table.Map(state), state)
                {
                    Name = name,
                    NodeList = location is null or "None" or "" ? null : location,
                });
            }

            block = null;
        }
    }
}
