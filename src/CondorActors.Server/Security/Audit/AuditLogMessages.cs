namespace CondorActors.Server.Security.Audit;

internal static partial class AuditLogMessages
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "Could not store {Count} audit record(s) in the journal")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int count);
}
