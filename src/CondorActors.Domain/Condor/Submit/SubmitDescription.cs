namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// A rendered submit description (commands only, no <c>queue</c>: the scheduler appends
/// <c>queue {Count}</c> itself) and what it was rendered for.
/// </summary>
public sealed record SubmitDescription(string Text, int Count, string RequestId, string Principal, string WorkingDirectory)
{
    /// <summary>Attribute every job carries: the request that submitted it (idempotency recovery).</summary>
    public const string RequestIdAttribute = "CondorActorsRequestId";

    /// <summary>Attribute every job carries: the principal that submitted it (ownership checks).</summary>
    public const string SubmitterAttribute = "CondorActorsSubmitter";
}
