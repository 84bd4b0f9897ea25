namespace CondorActors.Domain.Glideins;

/// <summary>
/// A glidein's own directory, <c>{data-dir}/glideins/{site}/{id}/</c>, with <c>config</c>
/// (generated startd configuration), <c>log</c> (bridge logs), <c>execute</c> (job sandboxes) and
/// <c>batch</c> (batch script, batch output, heartbeat). Nothing is shared between glideins.
/// </summary>
public sealed record GlideinFiles
{
    public GlideinFiles(string dataDirectory, string site, string glideinId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        ArgumentException.ThrowIfNullOrWhiteSpace(glideinId);
        if (site.Contains('/') || site.Contains("..", StringComparison.Ordinal) || glideinId.Contains('/') || glideinId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Site and glidein id must not contain path separators or '..'.");
        }

        Root = Path.Combine(Path.GetFullPath(dataDirectory), "glideins", site, glideinId);
    }

    public string Root { get; }

    public string Config => Path.Combine(Root, "config");

    public string Log => Path.Combine(Root, "log");

    public string Execute => Path.Combine(Root, "execute");

    public string Batch => Path.Combine(Root, "batch");

    public string StartdConfig => Path.Combine(Config, "condor_config");

    public string BatchScript => Path.Combine(Batch, "glidein.sh");

    public string BatchOutput => Path.Combine(Batch, "batch.out");

    public string BatchError => Path.Combine(Batch, "batch.err");

    public string Heartbeat => Path.Combine(Batch, "heartbeat");

    /// <summary>Creates the folders (idempotent).</summary>
    public void Create()
    {
        foreach (var directory in new[] { Config, Log, Execute, Batch })
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>
    /// Deletes the directory, or moves it under <paramref name="archiveDirectory"/> when given.
    /// Idempotent: a directory already gone is success.
    /// </summary>
    public void Remove(string? archiveDirectory)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        if (archiveDirectory is null)
        {
            Directory.Delete(Root, recursive: true);
            return;
        }

        var target = Path.Combine(archiveDirectory, Path.GetFileName(Path.GetDirectoryName(Root)!), Path.GetFileName(Root));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(Root, target);
    }
}
