namespace CondorActors.Domain.Condor.Queries;

/// <summary>What the query actor is doing; for tests, metrics and benchmarks.</summary>
/// <param name="CommandsStarted">Backend commands started since the actor started.</param>
/// <param name="Running">Commands holding a slot (streamed answers included).</param>
/// <param name="Pending">Flights queued for a slot.</param>
/// <param name="Waiting">Readers waiting for an answer.</param>
/// <param name="CacheEntries">Answers in the cache (expired ones may linger until the next sweep).</param>
/// <param name="CacheHits">Reads answered from the cache.</param>
public sealed record QueryStats(long CommandsStarted, int Running, int Pending, int Waiting, int CacheEntries, long CacheHits);
