using System.Diagnostics;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// Shutdown: refuse new outside work, drain mailboxes up to a deadline, stop actors children
/// first, then run shutdown tasks (e.g. flush and close the journal) in registration order.
/// </summary>
public sealed partial class ActorSystem
{
    private const int StateRunning = 0;
    private const int StateShuttingDown = 1;

    private static readonly TimeSpan DrainPollInterval = TimeSpan.FromMilliseconds(5);

    private readonly TaskCompletionSource _guardianStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Name, Func<Task> Task)> _shutdownTasks = [];
    private int _state;

    /// <summary>Completes when the system has fully terminated.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>True once shutdown began: new outside work is refused.</summary>
    public bool IsShuttingDown => Volatile.Read(ref _state) != StateRunning;

    /// <summary>Registers work to run after all actors stopped, in registration order.</summary>
    public void RegisterShutdownTask(string name, Func<Task> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_shutdownTasks)
        {
            _shutdownTasks.Add((name, task));
        }
    }

    /// <summary>
    /// Shuts the system down. Messages already queued are processed for up to
    /// <paramref name="drainTimeout"/> (default <see cref="ActorSystemOptions.DrainTimeout"/>);
    /// meanwhile messages with no sender and new Asks are refused (dead letters), while actors
    /// still talk to each other. Then actors stop, children before parents, and the shutdown
    /// tasks run. Concurrent calls wait for the first.
    /// </summary>
    public async Task TerminateAsync(TimeSpan? drainTimeout = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, StateShuttingDown, StateRunning) != StateRunning)
        {
            await _terminated.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var drain = drainTimeout ?? Options.DrainTimeout;
            KernelLog.Draining(Logger, Name, drain);
            await DrainAsync(drain, cancellationToken).ConfigureAwait(false);

            _guardian.SendSystem(new Terminate());
            try
            {
                await _guardianStopped.Task.WaitAsync(Options.StopTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                KernelLog.StopTimedOut(Logger, Metrics.LiveActors, Options.StopTimeout);
            }

            await RunShutdownTasksAsync(cancellationToken).ConfigureAwait(false);
            KernelLog.Terminated(Logger, Name, Metrics.DeadLetters, Metrics.UnhandledMessages, Metrics.FailedMessages);
        }
        finally
        {
            _terminated.TrySetResult();
        }
    }

    public ValueTask DisposeAsync() => new(TerminateAsync(TimeSpan.Zero));

    internal void OnGuardianTerminated() => _guardianStopped.TrySetResult();

    private async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Real time on purpose: the deadline bounds how long the process takes to exit, which
        // a fake clock in tests must not stretch. Two consecutive quiet passes are required
        // because a message in flight between two actors is invisible to a single pass.
        var started = Stopwatch.GetTimestamp();
        var quietPasses = 0;
        while (true)
        {
            var busy = CountBusyActors();
            quietPasses = busy == 0 ? quietPasses + 1 : 0;
            if (quietPasses >= 2)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                if (busy > 0)
                {
                    KernelLog.DrainTimedOut(Logger, busy, timeout);
                }

                return;
            }

            await Task.Delay(DrainPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private int CountBusyActors()
    {
        var busy = 0;
        var pending = new Stack<ActorCell>();
        pending.Push(_guardian);
        while (pending.TryPop(out var cell))
        {
            if (!cell.IsQuiescent)
            {
                busy++;
            }

            foreach (var child in cell.Children)
            {
                pending.Push((ActorCell)child);
            }
        }

        return busy;
    }

    private async Task RunShutdownTasksAsync(CancellationToken cancellationToken)
    {
        (string Name, Func<Task> Task)[] tasks;
        lock (_shutdownTasks)
        {
            tasks = [.. _shutdownTasks];
        }

        foreach (var (name, task) in tasks)
        {
            try
            {
                await task().WaitAsync(Options.StopTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                KernelLog.ShutdownTaskFailed(Logger, ex, name);
            }
        }
    }
}
