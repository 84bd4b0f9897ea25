namespace CondorActors.Kernel.Actors;

/// <summary>System message dispatch and the create / restart / stop sequences.</summary>
internal sealed partial class ActorCell
{
    private Task ProcessSystemAsync(SystemMessage message)
    {
        if (_lifecycle == Dead)
        {
            OnSystemMessageAfterDeath(message);
            return Task.CompletedTask;
        }

        switch (message)
        {
            case Create:
                return CreateAsync();
            case Terminate:
                return TerminateAsync();
            case Recreate recreate:
                return RecreateAsync(recreate.Cause);
            case ChildTerminated terminated:
                return OnChildTerminatedAsync(terminated.Child);
            case Resume:
                if (_lifecycle == Running)
                {
                    _suspended = false;

                    // A parent resumed after escalating resumes the child that failed, too.
                    if (_children is not null)
                    {
                        foreach (var child in _children.Values)
                        {
                            child.SendSystem(new Resume());
                        }
                    }
                }

                break;
            case Failed failed:
                OnChildFailed(failed.Child, failed.Cause);
                break;
            case Watch watch:
                AddWatcher(watch.Watcher);
                break;
            case Unwatch unwatch:
                RemoveWatcher(unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                OnWatchedActorTerminated(notification.Actor);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>What a system message means once its recipient is gone.</summary>
    private void OnSystemMessageAfterDeath(SystemMessage message)
    {
        // Watching a dead actor still yields exactly one Terminated; everything else is moot.
        if (message is Watch watch)
        {
            watch.Watcher.SendSystem(new DeathWatchNotification(this));
        }
    }

    private async Task CreateAsync()
    {
        try
        {
            _actor = NewActor();
            await _actor.AroundPreStartAsync().ConfigureAwait(false);
            if (_lifecycle == Creating)
            {
                _lifecycle = Running;
            }
        }
        catch (Exception ex)
        {
            _lifecycle = Running;
            FailWith(new ActorInitializationException(Path, ex), message: null);
        }
    }

    private async Task RecreateAsync(Exception cause)
    {
        if (_lifecycle >= Terminating)
        {
            return;
        }

        if (_actor is { } failed)
        {
            try
            {
                await failed.AroundPreRestartAsync(cause, _failedMessage).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                KernelLog.HookFailed(_system.Logger, ex, "PreRestart", Path);
            }
        }

        _timers?.CancelAll();
        UnstashAll();
        _failedMessage = null;

        // Like Akka, the new instance is created only once the children PreRestart stopped
        // are gone, so it can recreate them under the same names.
        if (_stoppingChildren is { Count: > 0 })
        {
            _lifecycle = Recreating;
            _failure = cause;
            return;
        }

        await FinishRecreateAsync(cause).ConfigureAwait(false);
    }

    private async Task FinishRecreateAsync(Exception cause)
    {
        _lifecycle = Running;
        _failure = null;
        try
        {
            _actor = NewActor();
            _system.Metrics.OnRestart();
            await _actor.AroundPostRestartAsync(cause).ConfigureAwait(false);
            _suspended = false;
        }
        catch (Exception ex)
        {
            FailWith(new ActorInitializationException(Path, ex), message: null);
        }
    }

    private Task TerminateAsync()
    {
        if (_lifecycle >= Terminating)
        {
            return Task.CompletedTask;
        }

        _lifecycle = Terminating;
        _timers?.CancelAll();
        if (_children is { IsEmpty: false })
        {
            // Children first: we finish when the last ChildTerminated arrives.
            StopAllChildren();
            return Task.CompletedTask;
        }

        return FinishTerminateAsync();
    }

    private Task OnChildTerminatedAsync(ActorCell child)
    {
        _children?.TryRemove(new KeyValuePair<string, ActorCell>(child.Name, child));
        _stoppingChildren?.Remove(child);
        if (_lifecycle == Terminating && _children is null or { IsEmpty: true })
        {
            return FinishTerminateAsync();
        }

        if (_lifecycle == Recreating && _stoppingChildren is null or { Count: 0 })
        {
            return FinishRecreateAsync(_failure!);
        }

        return Task.CompletedTask;
    }

    private async Task FinishTerminateAsync()
    {
        if (_actor is { } actor)
        {
            try
            {
                await actor.AroundPostStopAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                KernelLog.HookFailed(_system.Logger, ex, "PostStop", Path);
            }
        }

        _lifecycle = Dead;
        _actor = null;
        _timers = null;
        _children = null;
        _stoppingChildren = null;
        if (_stash is not null)
        {
            foreach (var envelope in _stash)
            {
                _system.DeadLetterOffice.Undeliverable(envelope.Message, envelope.Sender, this, "recipient stopped");
            }

            _stash = null;
        }

        NotifyWatchersAndUnwatchAll();
        _system.EventStream.Unsubscribe(this);
        if (_parent is not null)
        {
            _system.Metrics.OnActorStopped();
            _parent.SendSystem(new ChildTerminated(this));
        }
        else
        {
            _system.OnGuardianTerminated();
        }

        // The run loop continues: it closes the system queue and drains the user queue to
        // dead letters.
    }
}
