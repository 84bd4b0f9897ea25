namespace CondorActors.Server.Health;

/// <summary>The body of <c>/healthz</c>.</summary>
internal sealed record HealthReport(string Status, string Backend, string BackendReason, string Version, DateTimeOffset Time);
