namespace CondorActors.Domain.ClassAds;

/// <summary>A syntax error in ClassAd expression text, with where it is and what was expected.</summary>
public sealed class ClassAdParseException : FormatException
{
    /// <summary>Creates the exception from the error details.</summary>
    public ClassAdParseException(ClassAdParseError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates the exception with a message only (offset 0).</summary>
    public ClassAdParseException(string message)
        : this(new ClassAdParseError(message, 0, 1, 1, string.Empty, string.Empty))
    {
    }

    /// <summary>Creates the exception with a message and an inner exception (offset 0).</summary>
    public ClassAdParseException(string message, Exception innerException)
        : base(message, innerException) =>
        Error = new ClassAdParseError(message, 0, 1, 1, string.Empty, string.Empty);

    /// <summary>Creates the exception with a default message.</summary>
    public ClassAdParseException()
        : this("Invalid ClassAd expression.")
    {
    }

    /// <summary>The error details.</summary>
    public ClassAdParseError Error { get; }

    /// <summary>0-based character offset of the error in the text.</summary>
    public int Offset => Error.Offset;
}
