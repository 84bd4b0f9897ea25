using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Actors;

/// <summary>Source-generated log messages of the actor runtime.</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Actor {ActorPath} failed handling {MessageType}; the message is dropped and the parent's strategy applies")]
    public static partial void ActorFailed(ILogger logger, Exception exception, string actorPath, string messageType);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Restarting {ActorPath} in {BackoffMs} ms (restart {RestartNumber} of at most {MaxRestarts} in the window)")]
    public static partial void Restarting(ILogger logger, string actorPath, long backoffMs, int restartNumber, int maxRestarts);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "{ActorPath} exceeded {MaxRestarts} restarts within {Window}; directive {Directive}")]
    public static partial void RestartLimitExceeded(ILogger logger, string actorPath, int maxRestarts, TimeSpan window, Directive directive);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Stopping {ActorPath} after a failure ({ExceptionType})")]
    public static partial void StoppingFailedChild(ILogger logger, string actorPath, string exceptionType);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Failure of {ChildPath} escalated by {ActorPath}")]
    public static partial void Escalating(ILogger logger, string childPath, string actorPath);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "{Hook} of {ActorPath} failed")]
    public static partial void HookFailed(ILogger logger, Exception exception, string hook, string actorPath);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "{ActorPath} failed while stopping")]
    public static partial void FailedWhileStopping(ILogger logger, Exception exception, string actorPath);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "{Kind}: {MessageType} to {Recipient} from {Sender} ({Reason}); totals: {DeadLetters} dead letters, {Unhandled} unhandled (logged at most once per second)")]
    public static partial void DeadLetter(ILogger logger, string kind, string messageType, string recipient, string sender, string reason, long deadLetters, long unhandled);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Actor system {SystemName} shutting down: draining mailboxes for up to {DrainTimeout}")]
    public static partial void Draining(ILogger logger, string systemName, TimeSpan drainTimeout);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Drain deadline {DrainTimeout} reached with {BusyActors} actors still holding messages; stopping anyway")]
    public static partial void DrainTimedOut(ILogger logger, int busyActors, TimeSpan drainTimeout);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "{LiveActors} actors had not stopped after {StopTimeout}")]
    public static partial void StopTimedOut(ILogger logger, long liveActors, TimeSpan stopTimeout);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Error, Message = "Shutdown task {TaskName} failed")]
    public static partial void ShutdownTaskFailed(ILogger logger, Exception exception, string taskName);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Information, Message = "Actor system {SystemName} terminated ({DeadLetters} dead letters, {Unhandled} unhandled, {Failed} failed messages in its lifetime)")]
    public static partial void Terminated(ILogger logger, string systemName, long deadLetters, long unhandled, long failed);
}
