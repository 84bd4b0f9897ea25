using System.Globalization;

namespace CondorActors.Domain.ClassAds;

/// <summary>Type tests, conversions, control flow and time.</summary>
internal static partial class ClassAdFunctions
{
    private static void AddTypeFunctions(Dictionary<string, Body> table)
    {
        TypeTest(table, "isUndefined", v => v.IsUndefined);
        TypeTest(table, "isError", v => v.IsError);
        TypeTest(table, "isString", v => v.Kind == ClassAdValueKind.String);
        TypeTest(table, "isInteger", v => v.Kind == ClassAdValueKind.Integer);
        TypeTest(table, "isReal", v => v.Kind == ClassAdValueKind.Real);
        TypeTest(table, "isBoolean", v => v.Kind == ClassAdValueKind.Boolean);
        TypeTest(table, "isList", v => v.Kind == ClassAdValueKind.List);
        TypeTest(table, "isClassAd", v => v.Kind == ClassAdValueKind.Record);
        TypeTest(table, "isAbstime", v => v.Kind == ClassAdValueKind.AbsoluteTime);
        TypeTest(table, "isReltime", v => v.Kind == ClassAdValueKind.RelativeTime);

        table["ifThenElse"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
        {
            if (args.Count != 3)
            {
                return ClassAdValue.Error;
            }

            var condition = evaluator.Eval(args[0], frame);
            if (condition.IsUndefined)
            {
                return ClassAdValue.Undefined;
            }

            return condition.TryGetBooleanEquivalent(out var b)
                ? evaluator.Eval(b ? args[1] : args[2], frame)
                : ClassAdValue.Error;
        };

        table["eval"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
        {
            if (args.Count != 1)
            {
                return ClassAdValue.Error;
            }

            var text = evaluator.Eval(args[0], frame);
            if (text.IsUndefined)
            {
                return ClassAdValue.Undefined;
            }

            if (!text.TryGetString(out var s) || !ClassAdExpression.TryParse(s, out var expr, out _))
            {
                return ClassAdValue.Error;
            }

            return evaluator.EvalNested(expr, frame);
        };

        table["unparse"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
        {
            // unparse(Attr): the text of the attribute's expression, not its value.
            if (args.Count != 1 || args[0] is not AttributeExpr attribute)
            {
                return ClassAdValue.Error;
            }

            for (var scope = frame.My; scope is not null; scope = scope.Parent)
            {
                if (scope.Ad.TryGetExpression(attribute.Name, out var expr))
                {
                    return ClassAdValue.FromString(expr.ToString());
                }
            }

            return ClassAdValue.Undefined;
        };

        Strict(table, "int", 1, 1, v => ToInteger(v[0]));
        Strict(table, "real", 1, 1, v => ToReal(v[0]));
        Strict(table, "string", 1, 1, v => TryToText(v[0], out var s) ? ClassAdValue.FromString(s) : ClassAdValue.Error);
        Strict(table, "bool", 1, 1, v => ToBoolean(v[0]));

        table["time"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            args.Count == 0
                ? ClassAdValue.FromInteger(evaluator.Options.Time.GetUtcNow().ToUnixTimeSeconds())
                : ClassAdValue.Error;

        table["absTime"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
        {
            if (args.Count == 0)
            {
                return ClassAdValue.FromAbsoluteTime(evaluator.Options.Time.GetLocalNow());
            }

            if (args.Count > 1)
            {
                return ClassAdValue.Error;
            }

            var values = new ClassAdValue[1];
            if (!TryStrict(evaluator, frame, args, values, out var exceptional))
            {
                return exceptional;
            }

            if (values[0].TryGetNumber(out var seconds))
            {
                return ClassAdValue.FromAbsoluteTime(DateTimeOffset.UnixEpoch.AddSeconds(seconds));
            }

            return values[0].TryGetString(out var s)
                && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? ClassAdValue.FromAbsoluteTime(parsed)
                : ClassAdValue.Error;
        };

        Strict(table, "relTime", 1, 1, v =>
        {
            if (v[0].TryGetNumber(out var seconds))
            {
                return ClassAdValue.FromRelativeSeconds(seconds);
            }

            return v[0].TryGetString(out var s) && TryParseRelativeTime(s, out var parsed)
                ? ClassAdValue.FromRelativeSeconds(parsed)
                : ClassAdValue.Error;
        });
    }

    private static void TypeTest(Dictionary<string, Body> table, string name, Func<ClassAdValue, bool> test)
    {
        table[name] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            args.Count == 1 ? ClassAdValue.FromBoolean(test(evaluator.Eval(args[0], frame))) : ClassAdValue.Error;
    }

    private static ClassAdValue ToInteger(ClassAdValue value)
    {
        switch (value.Kind)
        {
            case ClassAdValueKind.Integer:
                return value;
            case ClassAdValueKind.Boolean:
                return ClassAdValue.FromInteger(value.IntegerBits);
            case ClassAdValueKind.Real:
                return TruncateReal(value.RealBits);
            case ClassAdValueKind.RelativeTime:
                return TruncateReal(value.RealBits);
            case ClassAdValueKind.AbsoluteTime:
                return ClassAdValue.FromInteger(value.AbsoluteTimeRef.ToUnixTimeSeconds());
            case ClassAdValueKind.String:
                var s = value.StringRef.Trim();
                if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
                {
                    return ClassAdValue.FromInteger(i);
                }

                return TryParseReal(s, out var r) ? TruncateReal(r) : ClassAdValue.Error;
            default:
                return ClassAdValue.Error;
        }
    }

    private static ClassAdValue TruncateReal(double r) =>
        double.IsFinite(r) && r >= long.MinValue && r < 9.2233720368547758E18
            ? ClassAdValue.FromInteger((long)Math.Truncate(r))
            : ClassAdValue.Error;

    private static ClassAdValue ToReal(ClassAdValue value) => value.Kind switch
    {
        ClassAdValueKind.Real => value,
        ClassAdValueKind.Integer or ClassAdValueKind.Boolean => ClassAdValue.FromReal(value.IntegerBits),
        ClassAdValueKind.RelativeTime => ClassAdValue.FromReal(value.RealBits),
        ClassAdValueKind.AbsoluteTime => ClassAdValue.FromReal(value.AbsoluteTimeRef.ToUnixTimeSeconds()),
        ClassAdValueKind.String => TryParseReal(value.StringRef.Trim(), out var r) ? ClassAdValue.FromReal(r) : ClassAdValue.Error,
        _ => ClassAdValue.Error,
    };

    private static ClassAdValue ToBoolean(ClassAdValue value)
    {
        if (value.TryGetBooleanEquivalent(out var b))
        {
            return ClassAdValue.FromBoolean(b);
        }

        if (value.TryGetString(out var s))
        {
            if (s.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return ClassAdValue.True;
            }

            if (s.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return ClassAdValue.False;
            }
        }

        return ClassAdValue.Error;
    }

    internal static bool TryParseReal(string s, out double value)
    {
        switch (s.ToUpperInvariant())
        {
            case "INF" or "+INF" or "INFINITY":
                value = double.PositiveInfinity;
                return true;
            case "-INF" or "-INFINITY":
                value = double.NegativeInfinity;
                return true;
            case "NAN":
                value = double.NaN;
                return true;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses "[-][D+]HH:MM:SS" (HTCondor's relative time text) or plain seconds.</summary>
    private static bool TryParseRelativeTime(string s, out double seconds)
    {
        s = s.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        var negative = s.StartsWith('-');
        var rest = negative ? s[1..] : s;
        long days = 0;
        var plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            if (!long.TryParse(rest[..plus], NumberStyles.None, CultureInfo.InvariantCulture, out days))
            {
                return false;
            }

            rest = rest[(plus + 1)..];
        }

        var parts = rest.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var sec))
        {
            return false;
        }

        seconds = (days * 86400) + (h * 3600) + (m * 60) + sec;
        if (negative)
        {
            seconds = -seconds;
        }

        return true;
    }
}
