namespace CondorActors.Kernel.Actors;

/// <summary>Delivery of one user message to the actor instance.</summary>
internal sealed partial class ActorCell
{
    private async Task ProcessUserAsync(Envelope envelope)
    {
        var message = envelope.Message;
        switch (message)
        {
            case TimerEntry timer:
                if (_timers is null || !_timers.TryAccept(timer))
                {
                    return;
                }

                message = timer.Message;
                break;
            case TerminatedSignal signal:
                if (!AcceptTerminated(signal.Actor))
                {
                    return;
                }

                message = new Terminated(signal.Actor);
                break;
            case PoisonPill:
                SendSystem(new Terminate());
                return;
        }

        _current = new Envelope(message, envelope.Sender);
        try
        {
            await _actor!.AroundReceiveAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            FailWith(ex, message);
        }
        finally
        {
            _current = default;
        }
    }
}
