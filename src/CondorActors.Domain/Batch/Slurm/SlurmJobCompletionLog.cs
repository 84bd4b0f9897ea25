namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// Reads Slurm's jobcomp/filetxt log: one line per finished job (<c>JobId=5 ... JobState=COMPLETED
/// ... ExitCode=0:0</c>), kept across purges and restarts. Only lines of the wanted ids are parsed;
/// a later line for the same id (a requeued job) wins.
/// </summary>
internal static class SlurmJobCompletionLog
{
    public static async Task<IReadOnlyCollection<BatchJobStatus>> FindAsync(string path, IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(jobIds, StringComparer.Ordinal);
        var found = new Dictionary<string, BatchJobStatus>(StringComparer.Ordinal);
        StreamReader reader;
        try
        {
            reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // No job has finished since the log was configured.
            return [];
        }

        using (reader)
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!line.StartsWith("JobId=", StringComparison.Ordinal))
                {
                    continue;
                }

                var end = line.IndexOf(' ', StringComparison.Ordinal);
                var id = end < 0 ? line[6..] : line[6..end];
                if (wanted.Contains(id) && line.Contains(" JobState=", StringComparison.Ordinal))
                {
                    // The last line may be half-written while slurmctld appends: skip what does not parse.
                    try
                    {
                        found[id] = SlurmRecord.ToStatus(SlurmRecord.Parse(line), BatchStatusSource.CompletionRecord);
                    }
                    catch (BatchOutputFormatException)
                    {
                    }
                }
            }
        }

        return found.Values;
    }
}
