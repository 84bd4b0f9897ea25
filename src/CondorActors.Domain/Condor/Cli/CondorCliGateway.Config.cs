using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Condor.Cli;

public sealed partial class CondorCliGateway
{
    private const string NotDefined = "Not defined:";

    public async Task<IReadOnlyDictionary<string, string>> GetConfigAsync(ConfigQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Exit 1 is how condor_config_val reports undefined names, with the other values on
        // stdout: the exit code is judged here, not by the runner.
        var command = BuildCommand("condor_config_val", CondorArguments.Config(query, _options)).WithValidation(false);
        var result = await CompleteAsync(_runner.RunAsync(command, cancellationToken), constraint: null, query.DaemonName).ConfigureAwait(false);
        var hasUndefined = result.StandardError.Contains(NotDefined, StringComparison.Ordinal);
        if (result.ExitCode != 0 && !hasUndefined)
        {
            throw CondorErrorClassifier.Classify(result, constraint: null, query.DaemonName);
        }

        if (query.IsDump)
        {
            return CondorConfigOutput.ParseDump(result.StandardOutput);
        }

        Dictionary<string, string> values;
        List<string> undefined;
        try
        {
            (values, undefined) = CondorConfigOutput.ParseValues(query.Names, result.StandardOutput, result.StandardError);
        }
        catch (FormatException ex)
        {
            throw new CondorException(ex.Message, command.DisplayCommandLine, CondorErrorClassifier.Tail(result.StandardError), result.ExitCode);
        }

        if (undefined.Count > 0)
        {
            throw new CondorUnknownParameterException(
                undefined,
                values,
                command.DisplayCommandLine,
                CondorErrorClassifier.Tail(result.StandardError),
                result.ExitCode);
        }

        return values;
    }
}
