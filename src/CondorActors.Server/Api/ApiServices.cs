namespace CondorActors.Server.Api;

/// <summary>What every API handler needs besides the query service: options, cursors, a logger.</summary>
internal sealed class ApiServices(ApiOptions options, PageCursors cursors, ILogger<ApiServices> logger)
{
    public ApiOptions Options { get; } = options;

    public PageCursors Cursors { get; } = cursors;

    public ILogger Logger { get; } = logger;

    /// <summary>htcondor-restd's <c>DEFAULT</c> schedd segment means the local (configured) schedd.</summary>
    public static string? Schedd(string? segment) =>
        segment is null || segment.Equals("DEFAULT", StringComparison.Ordinal) ? null : segment;
}
