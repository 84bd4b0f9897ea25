namespace CondorActors.Server.Health;

/// <summary>The body of <c>/readyz</c>: each dependency the server needs, and whether it answers.</summary>
internal sealed record ReadinessReport(string Status, string Backend, IReadOnlyDictionary<string, string> Checks);
