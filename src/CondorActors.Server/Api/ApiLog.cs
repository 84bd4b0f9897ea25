namespace CondorActors.Server.Api;

/// <summary>Source-generated log messages of the API.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Response for {Path} failed after it had started; connection aborted")]
    public static partial void StreamFailed(ILogger logger, PathString path, Exception error);
}
