using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CondorActors.Kernel.Processes;

public sealed partial class ProcessRunner
{
    public async IAsyncEnumerable<ProcessOutputLine> StreamLinesAsync(
        ProcessCommand command,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);

        // Both streams feed one bounded channel, so a slow consumer slows the program down
        // (pipe back-pressure) instead of growing memory.
        var lines = Channel.CreateBounded<ProcessOutputLine>(new BoundedChannelOptions(1024) { SingleReader = true });
        using var consumerGone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runTask = RunCoreAsync(
            command,
            async (stdout, token) =>
            {
                using var reader = new StreamReader(stdout, leaveOpen: true);
                while (await reader.ReadLineAsync(token).ConfigureAwait(false) is { } line)
                {
                    await lines.Writer.WriteAsync(new ProcessOutputLine(OutputStream.StandardOutput, line), token).ConfigureAwait(false);
                }

                return 0;
            },
            line => lines.Writer.WriteAsync(new ProcessOutputLine(OutputStream.StandardError, line), consumerGone.Token),
            consumerGone.Token);
        _ = runTask.ContinueWith(
            task => lines.Writer.TryComplete(task.Exception?.InnerException),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
        finally
        {
            // A consumer that stops early (break, exception) stops the program too.
            if (!runTask.IsCompleted)
            {
                await consumerGone.CancelAsync().ConfigureAwait(false);
                while (lines.Reader.TryRead(out _))
                {
                }

                await Task.WhenAny(runTask).ConfigureAwait(false);
            }
        }

        await runTask.ConfigureAwait(false);
    }
}
