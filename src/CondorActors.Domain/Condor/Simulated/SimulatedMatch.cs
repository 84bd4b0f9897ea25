namespace CondorActors.Domain.Condor.Simulated;

/// <summary>A job the simulated negotiator started on a slot (<see cref="SimulatedCondorPool.Negotiate"/>).</summary>
public sealed record SimulatedMatch(CondorJobId Job, string Slot);
