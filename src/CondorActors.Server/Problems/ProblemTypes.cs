namespace CondorActors.Server.Problems;

/// <summary>
/// Stable problem type identifiers (RFC 9457 <c>type</c>): clients switch on these, so they never
/// change once published. Listed in docs/api.md.
/// </summary>
internal static class ProblemTypes
{
    private const string Prefix = "urn:condoractors:problem:";

    public const string InvalidParameter = Prefix + "invalid-parameter";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "conflict";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string RateLimited = Prefix + "rate-limited";
    public const string CondorUnavailable = Prefix + "condor-unavailable";
    public const string CondorTimeout = Prefix + "condor-timeout";
    public const string Internal = Prefix + "internal";
    public const string TransitionRefused = Prefix + "transition-refused";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string SubmitRejected = Prefix + "submit-rejected";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string LimitExceeded = Prefix + "limit-exceeded";

    /// <summary>The type for a status code the framework produced without one of ours.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => InvalidParameter,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        413 => PayloadTooLarge,
        429 => RateLimited,
        503 => CondorUnavailable,
        504 => CondorTimeout,
        _ => Prefix + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
