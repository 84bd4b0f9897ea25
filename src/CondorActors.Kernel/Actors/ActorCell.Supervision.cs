namespace CondorActors.Kernel.Actors;

/// <summary>
/// Failure handling. A failing actor suspends its user messages, reports the dropped message
/// and asks its parent; the parent applies its strategy (one-for-one).
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>This actor failed handling <paramref name="message"/> (null: during start or restart).</summary>
    private void FailWith(Exception cause, object? message)
    {
        if (_lifecycle >= Terminating)
        {
            KernelLog.FailedWhileStopping(_system.Logger, cause, Path);
            return;
        }

        _system.Metrics.OnMessageFailed();
        KernelLog.ActorFailed(_system.Logger, cause, Path, message?.GetType().Name ?? "(start)");
        _system.EventStream.Publish(new MessageFailed(this, message, cause));
        _failedMessage = message;
        Escalate(cause);
    }

    /// <summary>Suspends this actor and hands the failure to the parent.</summary>
    private void Escalate(Exception cause)
    {
        _suspended = true;
        if (_parent is not null)
        {
            _parent.SendSystem(new Failed(this, cause));
        }
        else
        {
            // Only the /user guardian has no parent, and it runs no user code.
            SendSystem(new Terminate());
        }
    }

    private void OnChildFailed(ActorCell child, Exception cause)
    {
        if (_lifecycle >= Terminating || ChildCell(child.Name) != child || _stoppingChildren?.Contains(child) == true)
        {
            return;
        }

        var strategy = _props.SupervisorStrategy;
        Directive directive;
        try
        {
            directive = strategy.Decider(cause);
        }
        catch (Exception ex)
        {
            KernelLog.HookFailed(_system.Logger, ex, "SupervisorStrategy.Decider", Path);
            directive = Directive.Escalate;
        }

        switch (directive)
        {
            case Directive.Resume:
                child.SendSystem(new Resume());
                break;
            case Directive.Restart:
                RestartChild(child, cause, strategy);
                break;
            case Directive.Escalate when _parent is not null:
                KernelLog.Escalating(_system.Logger, child.Path, Path);
                _failedMessage = null;
                Escalate(cause);
                break;
            default:
                KernelLog.StoppingFailedChild(_system.Logger, child.Path, cause.GetType().Name);
                StopChild(child);
                break;
        }
    }

    private void RestartChild(ActorCell child, Exception cause, SupervisorStrategy strategy)
    {
        var stats = child.RestartStats ??= new RestartStatistics();
        if (!stats.TryRecord(_system.Time.GetUtcNow(), strategy.MaxRestarts, strategy.Window))
        {
            KernelLog.RestartLimitExceeded(_system.Logger, child.Path, strategy.MaxRestarts, strategy.Window, strategy.WhenLimitExceeded);
            if (strategy.WhenLimitExceeded == Directive.Escalate && _parent is not null)
            {
                _failedMessage = null;
                Escalate(cause);
            }
            else
            {
                StopChild(child);
            }

            return;
        }

        var backoff = strategy.ComputeBackoff(stats.Count, _system.NextJitter());
        KernelLog.Restarting(_system.Logger, child.Path, (long)backoff.TotalMilliseconds, stats.Count, strategy.MaxRestarts);
        if (backoff <= TimeSpan.Zero)
        {
            child.SendSystem(new Recreate(cause));
            return;
        }

        var pending = new PendingRestart(child, cause);
        pending.Timer = _system.Time.CreateTimer(static state => ((PendingRestart)state!).Fire(), pending, backoff, Timeout.InfiniteTimeSpan);
    }

    private sealed class PendingRestart(ActorCell child, Exception cause)
    {
        public ITimer? Timer { get; set; }

        public void Fire()
        {
            // A child stopped meanwhile ignores the Recreate (its queue is closed or it is terminating).
            child.SendSystem(new Recreate(cause));
            Timer?.Dispose();
        }
    }
}
