using System.Collections.Frozen;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Built-in ClassAd functions (names case-insensitive). Most are strict: an <c>error</c>
/// argument gives error, otherwise an <c>undefined</c> one gives undefined; a wrong argument count
/// or type gives error. The type tests and <c>ifThenElse</c> are not strict. Calling an unknown
/// function gives error, as in HTCondor.
/// </summary>
internal static partial class ClassAdFunctions
{
    internal delegate ClassAdValue Body(ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args);

    private static readonly FrozenDictionary<string, Body> Table = BuildTable();

    /// <summary>Names of every implemented function.</summary>
    public static IEnumerable<string> Names => Table.Keys;

    public static bool IsKnown(string name) => Table.ContainsKey(name);

    public static ClassAdValue Invoke(FunctionCallExpr call, ClassAdEvaluator evaluator, in EvalFrame frame)
    {
        if (!call.Resolved)
        {
            // Trees are shared between threads: both writes are idempotent.
            call.Body = Table.GetValueOrDefault(call.Name);
            call.Resolved = true;
        }

        return call.Body is { } body ? body(evaluator, frame, call.Arguments) : ClassAdValue.Error;
    }

    private static FrozenDictionary<string, Body> BuildTable()
    {
        var table = new Dictionary<string, Body>(StringComparer.OrdinalIgnoreCase);
        AddTypeFunctions(table);
        AddStringFunctions(table);
        AddListFunctions(table);
        AddMathFunctions(table);
        AddRegexFunctions(table);
        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Evaluates every argument; returns false with error/undefined when one is exceptional.</summary>
    private static bool TryStrict(
        ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args, Span<ClassAdValue> values, out ClassAdValue exceptional)
    {
        var undefined = false;
        for (var i = 0; i < args.Count; i++)
        {
            values[i] = evaluator.Eval(args[i], frame);
            if (values[i].IsError)
            {
                exceptional = ClassAdValue.Error;
                return false;
            }

            undefined |= values[i].IsUndefined;
        }

        exceptional = ClassAdValue.Undefined;
        return !undefined;
    }

    /// <summary>Registers a strict function taking between min and max arguments.</summary>
    private static void Strict(Dictionary<string, Body> table, string name, int min, int max, Func<ClassAdValue[], ClassAdValue> body)
    {
        table[name] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
        {
            if (args.Count < min || args.Count > max)
            {
                return ClassAdValue.Error;
            }

            var values = new ClassAdValue[args.Count];
            return TryStrict(evaluator, frame, args, values, out var exceptional) ? body(values) : exceptional;
        };
    }

    /// <summary>String form of a scalar for strcat, string(), toUpper...: strings unquoted, numbers as printed.</summary>
    internal static bool TryToText(ClassAdValue value, out string text)
    {
        switch (value.Kind)
        {
            case ClassAdValueKind.String:
                text = value.StringRef;
                return true;
            case ClassAdValueKind.Integer:
                text = ClassAdValue.FormatInteger(value.IntegerBits);
                return true;
            case ClassAdValueKind.Real:
                text = ClassAdValue.FormatReal(value.RealBits);
                return true;
            case ClassAdValueKind.Boolean:
                text = value.IsTrue ? "true" : "false";
                return true;
            case ClassAdValueKind.List:
            case ClassAdValueKind.Record:
            case ClassAdValueKind.AbsoluteTime:
            case ClassAdValueKind.RelativeTime:
                text = ClassAdPrinter.Print(value);
                return true;
            default:
                text = string.Empty;
                return false;
        }
    }
}
