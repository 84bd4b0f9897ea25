using System.Diagnostics.CodeAnalysis;

namespace CondorActors.Domain.ClassAds;

/// <summary>Validation helpers for text that users send (constraints, projections).</summary>
public static class ClassAdExpression
{
    /// <summary>
    /// Parses expression text without throwing; on failure <paramref name="error"/> says where
    /// (offset, line, column) and what was expected.
    /// </summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out ClassAdExpr? expression,
        [NotNullWhen(false)] out ClassAdParseError? error,
        ClassAdParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            expression = ClassAdParser.ParseExpression(text, options ?? ClassAdParseOptions.Default);
            error = null;
            return true;
        }
        catch (ClassAdParseException e)
        {
            expression = null;
            error = e.Error;
            return false;
        }
    }

    /// <summary>True for names matching <c>[A-Za-z_][A-Za-z0-9_]*</c> (what a projection may contain).</summary>
    public static bool IsValidAttributeName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name.AsSpan(1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the function name is implemented by the evaluator.</summary>
    public static bool IsKnownFunction(string name) => ClassAdFunctions.IsKnown(name);
}
