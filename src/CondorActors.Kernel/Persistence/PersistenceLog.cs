using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Recovery of persistence id {PersistenceId} failed at sequence number {SequenceNr}; stopping {ActorPath}")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception, string persistenceId, long sequenceNr, string actorPath);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Journal write of {EventCount} events for persistence id {PersistenceId} from sequence number {SequenceNr} failed; stopping {ActorPath}")]
    public static partial void PersistFailed(ILogger logger, Exception exception, int eventCount, string persistenceId, long sequenceNr, string actorPath);
}
