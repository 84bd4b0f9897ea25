namespace CondorActors.Domain.Condor;

/// <summary>
/// A constraint is not a valid ClassAd expression. Raised before anything runs when the
/// gateway's own parser rejects it (with <see cref="Position"/>), or from the tool's
/// "-- Parse error in constraint expression" when HTCondor rejects what the parser accepted.
/// </summary>
public sealed class CondorConstraintException : CondorException
{
    public CondorConstraintException(string message, string constraint, int? position, string? commandLine = null, string? standardErrorTail = null, int? exitCode = null)
        : base(message, commandLine, standardErrorTail, exitCode)
    {
        Constraint = constraint;
        Position = position;
    }

    /// <summary>The constraint as the caller gave it.</summary>
    public string Constraint { get; }

    /// <summary>Zero-based offset of the error in <see cref="Constraint"/>, when known.</summary>
    public int? Position { get; }
}
