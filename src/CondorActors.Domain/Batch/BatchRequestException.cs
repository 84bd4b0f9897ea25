namespace CondorActors.Domain.Batch;

/// <summary>A request the site's options do not allow (a directive not on the allowed list, a bad name); nothing was run.</summary>
public sealed class BatchRequestException : Exception
{
    public BatchRequestException(string message)
        : base(message)
    {
    }
}
