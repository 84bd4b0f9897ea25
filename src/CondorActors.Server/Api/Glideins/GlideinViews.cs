using System.Text.Json.Serialization;
using CondorActors.Domain.Glideins;

namespace CondorActors.Server.Api.Glideins;

/// <summary>One site in <c>GET /v1/sites</c>: configuration, limits, request defaults and its glideins counted by state.</summary>
internal sealed record SiteView(
    string Site,
    [property: JsonPropertyName("batch_system")] string BatchSystem,
    bool Enabled,
    [property: JsonPropertyName("accepts_requests")] bool AcceptsRequests,
    [property: JsonPropertyName("unavailable_reason")] string? UnavailableReason,
    SiteLimitsView Limits,
    GlideinSpecView Defaults,
    int Live,
    IReadOnlyDictionary<string, int> Counts);

internal sealed record SiteLimitsView(
    [property: JsonPropertyName("max_glideins")] int MaxGlideins,
    [property: JsonPropertyName("max_nodes_per_job")] int MaxNodesPerJob,
    [property: JsonPropertyName("max_slots_per_node")] int MaxSlotsPerNode,
    [property: JsonPropertyName("max_walltime_seconds")] long MaxWalltimeSeconds);

/// <summary>What a glidein asks for: nodes, slots per node, walltime, mode (split|pilot), extra attributes.</summary>
internal sealed record GlideinSpecView(
    int Nodes,
    [property: JsonPropertyName("slots_per_node")] int SlotsPerNode,
    [property: JsonPropertyName("walltime_seconds")] long WalltimeSeconds,
    string Mode,
    IReadOnlyDictionary<string, string> Attributes)
{
    public static GlideinSpecView Of(GlideinSpec spec) =>
        new(spec.Nodes, spec.SlotsPerNode, (long)spec.Walltime.TotalSeconds, ModeName(spec.Mode), spec.Attributes);

    public static string ModeName(GlideinMode mode) => mode == GlideinMode.Pilot ? "pilot" : "split";
}

/// <summary>The 202 answer of a glidein request: the new ids (their actors submit the batch jobs).</summary>
internal sealed record GlideinsRequestedView(string Site, IReadOnlyList<string> Glideins, GlideinSpecView Request);

/// <summary>One glidein in <c>GET /v1/glideins</c>, as its site last saw it.</summary>
internal sealed record GlideinListItemView(
    string Id,
    string Site,
    string State,
    [property: JsonPropertyName("batch_job_id")] string? BatchJobId,
    GlideinSpecView Request);

/// <summary><c>GET /v1/glideins/{id}</c>: the persisted state with its whole history, and what the collector and schedd say now.</summary>
internal sealed record GlideinView(
    string Id,
    string Site,
    string State,
    [property: JsonPropertyName("batch_job_id")] string? BatchJobId,
    GlideinSpecView Request,
    [property: JsonPropertyName("requested_at")] DateTimeOffset RequestedAt,
    int Slots,
    [property: JsonPropertyName("claimed_slots")] int ClaimedSlots,
    [property: JsonPropertyName("drain_deadline")] DateTimeOffset? DrainDeadline,
    [property: JsonPropertyName("death_cause")] string? DeathCause,
    [property: JsonPropertyName("died_at")] DateTimeOffset? DiedAt,
    [property: JsonPropertyName("cleanup_steps_done")] IReadOnlyList<string> CleanupStepsDone,
    [property: JsonPropertyName("startd_names")] IReadOnlyList<string>? StartdNames,
    [property: JsonPropertyName("claimed_jobs")] IReadOnlyList<string>? ClaimedJobs,
    [property: JsonPropertyName("observation_error")] string? ObservationError,
    IReadOnlyList<TransitionView> History);

/// <summary>One line of a glidein's history.</summary>
internal sealed record TransitionView(DateTimeOffset At, string From, string To, string Event, string Detail)
{
    public static TransitionView Of(GlideinTransition t) => new(t.At, t.From.ToString(), t.To.ToString(), t.Event, t.Detail);
}

/// <summary>The 202 answer of <c>DELETE /v1/glideins/{id}</c>.</summary>
internal sealed record GlideinStopView(
    string Id,
    string Site,
    string Action,
    DateTimeOffset? Deadline,
    [property: JsonPropertyName("state_before")] string StateBefore);

/// <summary>A file of a glidein's log or batch folder.</summary>
internal sealed record LogFileView(string File, long Size, DateTimeOffset Modified);

/// <summary><c>GET /v1/glideins/{id}/logs</c> without <c>file</c>.</summary>
internal sealed record GlideinLogsView(string Id, IReadOnlyList<LogFileView> Files);
