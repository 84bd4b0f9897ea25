using System.Text.RegularExpressions;

namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// The last line of defence: every line of a rendered description is <c>name = value</c> or
/// <c>+Name = value</c>, never a statement (<c>queue</c>, <c>include</c>, <c>if</c>, ...), and its value
/// obeys <see cref="SubmitValueRules"/>. The builder checks each line; the schedulers check the
/// whole text again before running condor_submit, since they append the one <c>queue</c> themselves.
/// </summary>
public static partial class SubmitDescriptionGuard
{
    private static readonly HashSet<string> Statements = new(StringComparer.OrdinalIgnoreCase)
    {
        "queue", "include", "if", "elif", "else", "endif", "error", "warning",
    };

    /// <summary>Throws <see cref="InvalidOperationException"/> for a line the builder must never produce.</summary>
    public static void CheckLine(string line)
    {
        var match = CommandLine().Match(line);
        if (!match.Success
            || (match.Groups["plus"].Length == 0 && Statements.Contains(match.Groups["name"].Value) && match.Groups["name"].Value != "error")
            || SubmitValueRules.Problem(match.Groups["value"].Value) is not null)
        {
            throw new InvalidOperationException("Refusing a submit description line that is not a plain command (a bug in the renderer).");
        }
    }

    /// <summary>Checks every line of a description (a trailing newline is fine; no <c>queue</c> allowed).</summary>
    public static void CheckDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        foreach (var line in description.TrimEnd('\n').Split('\n'))
        {
            CheckLine(line);
        }
    }

    [GeneratedRegex(@"^(?<plus>\+?)(?<name>[A-Za-z_][A-Za-z0-9_]*) = (?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CommandLine();
}
