using System.Globalization;
using System.Text.RegularExpressions;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;

namespace CondorActors.Domain.Glideins.Cli;

public sealed partial class CliGlideinCondorOps
{
    /// <summary>
    /// <c>condor_advertise [-pool P] INVALIDATE_STARTD_ADS FILE</c>, then <c>INVALIDATE_MASTER_ADS</c>
    /// (a pilot runs a whole condor_master; a split bridge startd has none, and then nothing
    /// matches). The tool prints "Sent 1 of 1 ad to ..." and exits 0 even when NOTHING matched
    /// (recorded: step7_19), so success here only means the collector got the request; the
    /// caller confirms with <see cref="QueryGlideinAdsAsync"/>.
    /// </summary>
    public async Task InvalidateStartdAdsAsync(string glideinId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(glideinId);
        await InvalidateAsync("INVALIDATE_STARTD_ADS", GlideinCondorQueries.InvalidationQueryAd(glideinId, "Machine"), cancellationToken).ConfigureAwait(false);
        await InvalidateAsync("INVALIDATE_MASTER_ADS", GlideinCondorQueries.InvalidationQueryAd(glideinId, "DaemonMaster"), cancellationToken).ConfigureAwait(false);
    }

    private async Task InvalidateAsync(string updateCommand, string queryAd, CancellationToken cancellationToken)
    {
        var file = WriteQueryAd(queryAd);
        try
        {
            var args = new List<string>();
            if (!string.IsNullOrWhiteSpace(_options.Pool))
            {
                args.Add("-pool");
                args.Add(_options.Pool);
            }

            args.Add(updateCommand);
            args.Add(file);
            var result = await CondorCommand.RunAsync(_runner, Command("condor_advertise", args), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw CondorErrorClassifier.Classify(result, constraint: null, name: null);
            }

            // Exit 0 with "Sent 0 of 1 ad" (or a connection error on stderr) means the collector never got it.
            var sent = SentPattern().Match(result.StandardOutput);
            var unreachable = CondorErrorClassifier.FindUnreachable(result.StandardError);
            if (unreachable is not null || (sent.Success && Count(sent, 1) < Count(sent, 2)))
            {
                throw new CondorUnreachableException(
                    $"condor_advertise {updateCommand} did not reach the collector: {unreachable ?? sent.Value}",
                    result.Command.DisplayCommandLine,
                    CondorErrorClassifier.Tail(result.StandardError),
                    result.ExitCode);
            }
        }
        finally
        {
            TryDelete(file);
        }
    }

    /// <summary>A new file readable by this account only (the ad names what to remove from the pool).</summary>
    private string WriteQueryAd(string queryAd)
    {
        Directory.CreateDirectory(_scratchDirectory);
        var path = Path.Combine(_scratchDirectory, "condoractors-invalidate-" + Guid.NewGuid().ToString("N") + ".ad");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(queryAd);
        }

        return path;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover query ad in the scratch folder is harmless; the cleanup step must not fail for it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int Count(Match match, int group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Sent (\d+) of (\d+) ad", RegexOptions.CultureInvariant)]
    private static partial Regex SentPattern();
}
