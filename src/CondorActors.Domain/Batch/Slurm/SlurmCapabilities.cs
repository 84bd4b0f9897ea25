namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// What the installed Slurm offers, read once from <c>scontrol show config</c>.
/// <see cref="SupportsJson"/> is recorded for operators only: the adapter always uses squeue's text
/// format, because squeue --json (21.08-22.05) ignores -j, -t and --me and returns every job of
/// the cluster, and the text format already gives the raw exit status.
/// </summary>
public sealed record SlurmCapabilities(string? Version, bool AccountingEnabled, string? JobCompletionLogPath)
{
    public bool SupportsJson => System.Version.TryParse(Version, out var version) && version >= new Version(21, 8);

    /// <summary>Parses <c>scontrol show config</c> ("Key = Value" lines).</summary>
    public static SlurmCapabilities Parse(string showConfigOutput)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in showConfigOutput.Split('\n'))
        {
            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            if (equals > 0)
            {
                values.TryAdd(line[..equals].Trim(), line[(equals + 3)..].Trim());
            }
        }

        if (values.Count == 0)
        {
            throw new BatchOutputFormatException("scontrol show config printed no 'Key = Value' lines.");
        }

        var accounting = values.GetValueOrDefault("AccountingStorageType");
        var jobComp = values.GetValueOrDefault("JobCompType");
        return new SlurmCapabilities(
            values.GetValueOrDefault("SLURM_VERSION"),
            AccountingEnabled: accounting is not null && accounting != "accounting_storage/none" && accounting != "(null)",
            JobCompletionLogPath: jobComp == "jobcomp/filetxt" ? SlurmValues.Text(values.GetValueOrDefault("JobCompLoc")) : null);
    }
}
