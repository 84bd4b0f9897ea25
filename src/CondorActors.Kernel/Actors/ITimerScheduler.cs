namespace CondorActors.Kernel.Actors;

/// <summary>
/// Keyed timers that send a message to the actor itself, driven by the system's TimeProvider.
/// Starting a timer with a key in use replaces the old one (its pending message is discarded);
/// all timers are cancelled when the actor stops or restarts.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan delay);

    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    bool IsActive(object key);

    void Cancel(object key);

    void CancelAll();
}
