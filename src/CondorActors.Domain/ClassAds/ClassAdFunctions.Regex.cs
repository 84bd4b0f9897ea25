using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// regexp, regexps, replace, replaceAll with HTCondor's option letters (i: ignore case,
/// m: multi-line, s: dot matches newline, x: extended). Patterns run on .NET's non-backtracking
/// engine (linear time, no catastrophic backtracking, no timeout); patterns it cannot run
/// (back-references, look-arounds) fall back to the backtracking engine under
/// <see cref="ClassAdEvaluationOptions.RegexTimeout"/>. A bad pattern or a timeout gives error.
/// </summary>
internal static partial class ClassAdFunctions
{
    private const int RegexCacheLimit = 512;
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, TimeSpan Timeout), Regex?> RegexCache = new();

    private static void AddRegexFunctions(Dictionary<string, Body> table)
    {
        table["regexp"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            RegexCall(evaluator, frame, args, 2, (regex, target, _) => ClassAdValue.FromBoolean(regex.IsMatch(target)));

        table["regexps"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            RegexCall(evaluator, frame, args, 3, (regex, target, substitute) =>
            {
                var match = regex.Match(target);
                return match.Success
                    ? ClassAdValue.FromString(match.Result(ToDotNetSubstitution(substitute!)))
                    : ClassAdValue.FromString(string.Empty);
            });

        table["replace"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            RegexCall(evaluator, frame, args, 3, (regex, target, substitute) =>
                ClassAdValue.FromString(regex.Replace(target, ToDotNetSubstitution(substitute!), 1)));

        table["replaceAll"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            RegexCall(evaluator, frame, args, 3, (regex, target, substitute) =>
                ClassAdValue.FromString(regex.Replace(target, ToDotNetSubstitution(substitute!))));
    }

    private static ClassAdValue RegexCall(
        ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args, int required,
        Func<Regex, string, string?, ClassAdValue> body)
    {
        if (args.Count != required && args.Count != required + 1)
        {
            return ClassAdValue.Error;
        }

        var values = new ClassAdValue[args.Count];
        if (!TryStrict(evaluator, frame, args, values, out var exceptional))
        {
            return exceptional;
        }

        if (!values[0].TryGetString(out var pattern) || !values[1].TryGetString(out var target))
        {
            return ClassAdValue.Error;
        }

        string? substitute = null;
        if (required == 3 && !values[2].TryGetString(out substitute))
        {
            return ClassAdValue.Error;
        }

        var options = RegexOptions.CultureInvariant;
        if (args.Count > required)
        {
            if (!values[required].TryGetString(out var letters))
            {
                return ClassAdValue.Error;
            }

            foreach (var letter in letters)
            {
                options |= char.ToLowerInvariant(letter) switch
                {
                    'i' => RegexOptions.IgnoreCase,
                    'm' => RegexOptions.Multiline,
                    's' => RegexOptions.Singleline,
                    'x' => RegexOptions.IgnorePatternWhitespace,
                    _ => RegexOptions.None,
                };
            }
        }

        var regex = GetRegex(pattern, options, evaluator.Options.RegexTimeout);
        if (regex is null)
        {
            return ClassAdValue.Error;
        }

        try
        {
            return body(regex, target, substitute);
        }
        catch (RegexMatchTimeoutException)
        {
            return ClassAdValue.Error;
        }
    }

    private static Regex? GetRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        var key = (pattern, options, timeout);
        if (RegexCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Regex? regex;
        try
        {
            // Linear in the input: no timeout, which would only make results depend on load.
            regex = new Regex(pattern, options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            try
            {
                regex = new Regex(pattern, options, timeout);
            }
            catch (ArgumentException)
            {
                regex = null;
            }
        }
        catch (ArgumentException)
        {
            regex = null;
        }

        if (RegexCache.Count >= RegexCacheLimit)
        {
            // Constraints come from users: bound the cache instead of letting it grow forever.
            RegexCache.Clear();
        }

        RegexCache[key] = regex;
        return regex;
    }

    /// <summary>HTCondor substitutions use \0..\9 for groups; .NET uses $0..$9 and '$' must be escaped.</summary>
    private static string ToDotNetSubstitution(string substitute)
    {
        var sb = new StringBuilder(substitute.Length + 8);
        for (var i = 0; i < substitute.Length; i++)
        {
            var c = substitute[i];
            if (c == '\\' && i + 1 < substitute.Length && char.IsAsciiDigit(substitute[i + 1]))
            {
                sb.Append("${").Append(substitute[++i]).Append('}');
            }
            else if (c == '$')
            {
                sb.Append("$$");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
