using Microsoft.Extensions.Logging;

namespace CondorActors.Domain.Glideins;

internal static partial class GlideinLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Glidein {GlideinId}: submit may have reached the batch system; looking for the job by name before submitting again")]
    public static partial void LogSubmitUncertain(this ILogger logger, Exception exception, string glideinId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Glidein {GlideinId}: submit attempt {Attempt} failed; retrying")]
    public static partial void LogSubmitRetry(this ILogger logger, Exception exception, string glideinId, int attempt);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Glidein {GlideinId}: bridge half did not start")]
    public static partial void LogBridgeStartFailed(this ILogger logger, Exception exception, string glideinId);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Glidein {GlideinId}: cleanup step {Step} failed (attempt {Attempt}); retrying with backoff")]
    public static partial void LogCleanupStepFailed(this ILogger logger, Exception exception, string glideinId, CleanupStep step, int attempt);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Site {Site}: batch status unavailable this poll")]
    public static partial void LogBatchUnavailable(this ILogger logger, Exception exception, string site);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Site {Site}: collector query failed this poll")]
    public static partial void LogCollectorUnavailable(this ILogger logger, Exception exception, string site);
}
