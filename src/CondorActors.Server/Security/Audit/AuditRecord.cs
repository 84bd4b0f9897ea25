namespace CondorActors.Server.Security.Audit;

/// <summary>
/// One write request and its outcome. <c>Target</c> is the request path (never the query string
/// or body: they may carry data the log must not keep); <c>Route</c> the matched route pattern.
/// </summary>
internal sealed record AuditRecord(
    DateTimeOffset Time,
    string Principal,
    string? TokenId,
    string RequestId,
    string Method,
    string? Route,
    string Target,
    int Status);
