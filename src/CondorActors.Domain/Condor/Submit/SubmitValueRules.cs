using System.Globalization;

namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// The rules every value put into a submit description obeys, so that no client text can change
/// the description's structure (see docs/api-writes.md, "Injection"):
/// <list type="bullet">
/// <item>No line breaks of any kind (LF, CR, NEL, U+2028, U+2029), NUL or other control characters:
/// a submit description is line-based, and a new line is a new command (or a <c>queue</c>).</item>
/// <item>No macro other than <c>$(Cluster)</c>, <c>$(ClusterId)</c>, <c>$(Process)</c>, <c>$(ProcId)</c>:
/// condor_submit expands <c>$(NAME)</c>, <c>$ENV(NAME)</c>, <c>$RANDOM_CHOICE(...)</c>, <c>$$(NAME)</c> and
/// friends in every value, which would read the service's environment or configuration.</item>
/// <item>No trailing backslash: it continues the line onto the next command.</item>
/// </list>
/// Raw (unquoted) values must also not start or end with white space (condor_submit trims it),
/// start with <c>#</c> or <c>@=</c>, or look like an <c>include</c> statement.
/// </summary>
internal static class SubmitValueRules
{
    private static readonly string[] AllowedMacros = ["$(Cluster)", "$(ClusterId)", "$(Process)", "$(ProcId)"];

    /// <summary>Null when <paramref name="value"/> may appear in a description, else why not.</summary>
    public static string? Problem(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                return c switch
                {
                    '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' => "must not contain line breaks",
                    '\0' => "must not contain NUL characters",
                    _ => string.Create(CultureInfo.InvariantCulture, $"must not contain control characters (U+{(int)c:X4})"),
                };
            }

            if (char.IsSurrogate(c) && !HasValidSurrogates(value))
            {
                return "must be valid Unicode text";
            }
        }

        if (MacroProblem(value) is { } macro)
        {
            return macro;
        }

        return value.EndsWith('\\') ? "must not end with a backslash (line continuation)" : null;
    }

    /// <summary>As <see cref="Problem(string)"/>, plus the rules for values written without quotes.</summary>
    public static string? RawProblem(string value)
    {
        if (Problem(value) is { } problem)
        {
            return problem;
        }

        if (value.Length == 0)
        {
            return "must not be empty";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with white space";
        }

        if (value[0] == '#')
        {
            return "must not start with '#'";
        }

        if (value.Contains("@=", StringComparison.Ordinal))
        {
            return "must not contain '@='";
        }

        var trimmed = value.TrimStart();
        return trimmed.StartsWith("include", StringComparison.OrdinalIgnoreCase) && trimmed.Contains(':', StringComparison.Ordinal)
            ? "must not contain an include statement"
            : null;
    }

    /// <summary>
    /// Finds a macro reference: <c>$</c>, optionally <c>$</c> again, a run of name characters, then
    /// an opening bracket. Only the four job-id macros, spelled exactly, pass.
    /// </summary>
    private static string? MacroProblem(string value)
    {
        for (var i = value.IndexOf('$', StringComparison.Ordinal); i >= 0 && i < value.Length; i = value.IndexOf('$', i + 1))
        {
            var allowed = AllowedMacros.FirstOrDefault(macro => string.CompareOrdinal(value, i, macro, 0, macro.Length) == 0);
            if (allowed is not null)
            {
                i += allowed.Length - 1;
                continue;
            }

            var j = i + 1;
            if (j < value.Length && value[j] == '$')
            {
                j++;
            }

            while (j < value.Length && (char.IsAsciiLetterOrDigit(value[j]) || value[j] == '_'))
            {
                j++;
            }

            if (j < value.Length && value[j] is '(' or '[' or '{')
            {
                var end = value.IndexOfAny([')', ']', '}'], j);
                var macro = end < 0 ? value[i..] : value[i..(end + 1)];
                return $"must not use the macro '{macro}' (only $(Cluster), $(ClusterId), $(Process) and $(ProcId) are allowed)";
            }
        }

        return null;
    }

    private static bool HasValidSurrogates(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
