namespace CondorActors.Domain.Glideins;

/// <summary>One line of a glidein's history: what happened, when, from which phase to which.</summary>
public sealed record GlideinTransition(DateTimeOffset At, GlideinPhase From, GlideinPhase To, string Event, string Detail);
