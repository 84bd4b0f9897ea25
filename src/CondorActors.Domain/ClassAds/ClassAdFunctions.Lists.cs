namespace CondorActors.Domain.ClassAds;

/// <summary>List functions: member, identicalMember, min, max, sum, avg.</summary>
internal static partial class ClassAdFunctions
{
    private static void AddListFunctions(Dictionary<string, Body> table)
    {
        table["member"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            Member(evaluator, frame, args, ClassAdBinaryOperator.Equal);
        table["identicalMember"] = (ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args) =>
            Member(evaluator, frame, args, ClassAdBinaryOperator.MetaEqual);

        Aggregate(table, "min", (acc, x) => x < acc, emptyIsZero: false, average: false);
        Aggregate(table, "max", (acc, x) => x > acc, emptyIsZero: false, average: false);
        Aggregate(table, "sum", null, emptyIsZero: true, average: false);
        Aggregate(table, "avg", null, emptyIsZero: false, average: true);
    }

    /// <summary>
    /// member(x, list): true when an item equals x under <c>==</c> (strings without case);
    /// identicalMember uses <c>=?=</c>. x must be a scalar.
    /// </summary>
    private static ClassAdValue Member(ClassAdEvaluator evaluator, in EvalFrame frame, IReadOnlyList<ClassAdExpr> args, ClassAdBinaryOperator op)
    {
        if (args.Count != 2)
        {
            return ClassAdValue.Error;
        }

        var item = evaluator.Eval(args[0], frame);
        var list = evaluator.Eval(args[1], frame);
        if (op == ClassAdBinaryOperator.Equal)
        {
            if (item.IsError || list.IsError)
            {
                return ClassAdValue.Error;
            }

            if (item.IsUndefined || list.IsUndefined)
            {
                return ClassAdValue.Undefined;
            }
        }

        if (list.Kind != ClassAdValueKind.List || item.Kind is ClassAdValueKind.List or ClassAdValueKind.Record)
        {
            return ClassAdValue.Error;
        }

        foreach (var element in list.ListRef)
        {
            if (ClassAdEvaluator.Apply(op, item, element).IsTrue)
            {
                return ClassAdValue.True;
            }
        }

        return ClassAdValue.False;
    }

    /// <summary>
    /// Numeric aggregates over one list argument or over several arguments. An error or non-number
    /// item gives error, an undefined item undefined. The result is an integer when every item is
    /// (avg is always real). An empty list gives undefined (sum gives 0).
    /// </summary>
    private static void Aggregate(Dictionary<string, Body> table, string name, Func<double, double, bool>? better, bool emptyIsZero, bool average)
    {
        Strict(table, name, 1, int.MaxValue, v =>
        {
            var items = v.Length == 1 && v[0].Kind == ClassAdValueKind.List ? v[0].ListRef : v;
            if (items.Length == 0)
            {
                return emptyIsZero ? ClassAdValue.FromInteger(0) : ClassAdValue.Undefined;
            }

            var allIntegers = !average;
            long integerSum = 0;
            double realSum = 0;
            var best = items[0];
            foreach (var item in items)
            {
                if (item.IsError || !(item.IsNumber || item.IsUndefined))
                {
                    return ClassAdValue.Error;
                }
            }

            foreach (var item in items)
            {
                if (item.IsUndefined)
                {
                    return ClassAdValue.Undefined;
                }

                item.TryGetNumber(out var x);
                allIntegers &= item.Kind == ClassAdValueKind.Integer;
                integerSum = unchecked(integerSum + (item.Kind == ClassAdValueKind.Integer ? item.IntegerBits : 0));
                realSum += x;
                if (better is not null && better(best.Kind == ClassAdValueKind.Integer ? best.IntegerBits : best.RealBits, x))
                {
                    best = item;
                }
            }

            if (better is not null)
            {
                if (allIntegers || best.Kind == ClassAdValueKind.Real)
                {
                    return best;
                }

                return ClassAdValue.FromReal(best.IntegerBits);
            }

            if (average)
            {
                return ClassAdValue.FromReal(realSum / items.Length);
            }

            return allIntegers ? ClassAdValue.FromInteger(integerSum) : ClassAdValue.FromReal(realSum);
        });
    }
}
