using System.Threading.Channels;
using CondorActors.Domain.ClassAds;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// One tool run whose stdout is parsed into ads as it arrives and handed over through a small
/// bounded channel: a slow consumer blocks the parser, the pipe fills, and the tool waits
/// (back-pressure instead of memory). Disposing before the end stops the tool's process tree.
/// </summary>
internal sealed class StreamingRun : IAsyncDisposable
{
    private const int Capacity = 64;

    private readonly Channel<ClassAd> _ads = Channel.CreateBounded<ClassAd>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _stop = new();

    public StreamingRun(IProcessRunner runner, ProcessCommand command)
    {
        Completion = RunAsync(runner, command);
    }

    /// <summary>Ads as parsed; completes (without error) when the run ends, however it ends.</summary>
    public ChannelReader<ClassAd> Ads => _ads.Reader;

    /// <summary>The run's result, or the runner's exception (exit, timeout, start, JSON).</summary>
    public Task<ProcessResult> Completion { get; }

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Completion.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ProcessExitException or ProcessTimeoutException)
            {
                // Stopped on purpose (the consumer had enough or went away): the outcome no longer matters.
            }
        }

        _stop.Dispose();
    }

    private async Task<ProcessResult> RunAsync(IProcessRunner runner, ProcessCommand command)
    {
        try
        {
            var (_, result) = await runner.RunAsync(command, ReadAdsAsync, _stop.Token).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _ads.Writer.TryComplete();
        }
    }

    private async Task<int> ReadAdsAsync(Stream stdout, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var ad in ClassAdJson.ReadAdsAsync(stdout, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await _ads.Writer.WriteAsync(ad, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
