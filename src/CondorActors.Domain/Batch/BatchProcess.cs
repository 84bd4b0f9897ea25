using System.Collections.Immutable;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Batch;

/// <summary>
/// Runs one batch-system command by argv with a timeout and without exit validation. A command
/// that gives no answer (timed out) becomes <see cref="BatchSystemUnavailableException"/>; one
/// that cannot start is a configuration error (<see cref="BatchCommandException"/>); callers
/// classify non-zero exits with their system's messages.
/// </summary>
internal static class BatchProcess
{
    public static async Task<ProcessResult> RunAsync(
        IProcessRunner runner,
        string program,
        IEnumerable<string> arguments,
        string? standardInput,
        ImmutableDictionary<string, string?> environment,
        TimeSpan timeout,
        string what,
        CancellationToken cancellationToken)
    {
        var command = new ProcessCommand(program, arguments)
            .WithStandardInput(standardInput)
            .WithTimeout(timeout)
            .WithValidation(false) with
        { Environment = environment };
        try
        {
            return await runner.RunAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessTimeoutException ex)
        {
            throw new BatchSystemUnavailableException($"{what} did not answer within {timeout.TotalSeconds:F0} s.", ex, mayHaveTakenEffect: true);
        }
        catch (ProcessStartException ex)
        {
            throw new BatchCommandException($"Cannot run {what}: {ex.Message}", ex);
        }
        catch (ProcessOutputLimitException ex)
        {
            throw new BatchOutputFormatException($"{what} printed more than {ex.LimitBytes} bytes; its answer was not used.", ex);
        }
    }

    /// <summary>Sorts a failed command by the messages its batch system prints when it is not serving.</summary>
    public static Exception Classify(ProcessResult result, string what, IEnumerable<string> notSent, IEnumerable<string> maybeSent)
    {
        var stderr = (result.StandardError + "\n" + result.StandardOutput).Trim();
        var failure = new ProcessExitException(result);
        if (maybeSent.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return new BatchSystemUnavailableException($"{what} got no answer: {stderr}", failure, mayHaveTakenEffect: true);
        }

        if (notSent.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return new BatchSystemUnavailableException($"batch system unavailable for {what}: {stderr}", failure);
        }

        return new BatchCommandException($"{what} refused (exit {result.ExitCode}): {stderr}", failure);
    }
}
