namespace CondorActors.Domain.Condor.Submit;

/// <summary>A submit body that is refused; <see cref="Field"/> names the key (dotted for nested ones).</summary>
public sealed class SubmitRequestException : Exception
{
    public SubmitRequestException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public SubmitRequestException()
        : this("body", "Invalid submit request")
    {
    }

    public SubmitRequestException(string message)
        : this("body", message)
    {
    }

    public SubmitRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "body";
    }

    /// <summary>The JSON key at fault (<c>body</c> for the body as a whole).</summary>
    public string Field { get; } = "body";
}
