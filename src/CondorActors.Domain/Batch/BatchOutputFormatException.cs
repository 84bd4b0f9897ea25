namespace CondorActors.Domain.Batch;

/// <summary>
/// A batch system's answer could not be parsed completely (truncated, wrong field count, not the
/// documented format). Nothing of it is used: acting on half an answer would lose jobs.
/// </summary>
public sealed class BatchOutputFormatException : Exception
{
    public BatchOutputFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
