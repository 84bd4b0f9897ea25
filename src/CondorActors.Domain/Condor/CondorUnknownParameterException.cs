namespace CondorActors.Domain.Condor;

/// <summary>
/// One or more configuration names are not defined (<c>condor_config_val</c>: "Not defined: NAME",
/// exit 1). The values of the names that are defined come along, as the tool prints them too.
/// </summary>
public sealed class CondorUnknownParameterException : CondorException
{
    public CondorUnknownParameterException(
        IReadOnlyList<string> names,
        IReadOnlyDictionary<string, string> definedValues,
        string? commandLine = null,
        string? standardErrorTail = null,
        int? exitCode = null)
        : base($"Not defined: {string.Join(", ", names)}", commandLine, standardErrorTail, exitCode)
    {
        Names = names;
        DefinedValues = definedValues;
    }

    /// <summary>The names that are not defined, as requested.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Values of the requested names that are defined.</summary>
    public IReadOnlyDictionary<string, string> DefinedValues { get; }
}
