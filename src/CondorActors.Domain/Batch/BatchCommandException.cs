namespace CondorActors.Domain.Batch;

/// <summary>The batch system answered and refused (invalid partition, bad account, HTTP 4xx): retrying will not help.</summary>
public sealed class BatchCommandException : Exception
{
    public BatchCommandException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
