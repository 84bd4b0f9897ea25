using System.Text;

namespace CondorActors.Kernel.Processes;

/// <summary>Renders a command for people: POSIX-style quoting, secrets replaced by <c>***</c>.</summary>
internal static class CommandLineFormatter
{
    private const string Redacted = "***";

    public static string Format(ProcessCommand command)
    {
        var builder = new StringBuilder();
        Append(builder, Redact(command.Program, command));
        foreach (var argument in command.Arguments)
        {
            builder.Append(' ');
            Append(builder, Redact(argument, command));
        }

        return builder.ToString();
    }

    public static string Redact(string text, ProcessCommand command)
    {
        foreach (var secret in command.Secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    private static void Append(StringBuilder builder, string word)
    {
        if (word.Length > 0 && word.All(IsPlain))
        {
            builder.Append(word);
            return;
        }

        // Single quotes keep everything literal; an embedded quote becomes '\''.
        builder.Append('\'').Append(word.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '@' or '%' or '+';
}
