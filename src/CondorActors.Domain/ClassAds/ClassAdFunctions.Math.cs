namespace CondorActors.Domain.ClassAds;

/// <summary>Numeric functions: floor, ceiling, round, pow, abs.</summary>
internal static partial class ClassAdFunctions
{
    private static void AddMathFunctions(Dictionary<string, Body> table)
    {
        Strict(table, "floor", 1, 1, v => Rounding(v[0], Math.Floor));
        Strict(table, "ceiling", 1, 1, v => Rounding(v[0], Math.Ceiling));
        table["ceil"] = table["ceiling"];

        // Halfway cases away from zero, like C's round().
        Strict(table, "round", 1, 1, v => Rounding(v[0], r => Math.Round(r, MidpointRounding.AwayFromZero)));

        Strict(table, "abs", 1, 1, v => v[0].Kind switch
        {
            ClassAdValueKind.Integer => ClassAdValue.FromInteger(v[0].IntegerBits == long.MinValue ? long.MaxValue : Math.Abs(v[0].IntegerBits)),
            ClassAdValueKind.Real => ClassAdValue.FromReal(Math.Abs(v[0].RealBits)),
            _ => ClassAdValue.Error,
        });

        Strict(table, "pow", 2, 2, v =>
        {
            if (v[0].TryGetInteger(out var b) && v[1].TryGetInteger(out var e) && e >= 0)
            {
                long result = 1;
                for (var i = 0L; i < e && i < 64; i++)
                {
                    result = unchecked(result * b);
                }

                return ClassAdValue.FromInteger(e >= 64 && Math.Abs(b) <= 1 ? (long)Math.Pow(b, e) : result);
            }

            return v[0].TryGetNumber(out var x) && v[1].TryGetNumber(out var y)
                ? ClassAdValue.FromReal(Math.Pow(x, y))
                : ClassAdValue.Error;
        });
    }

    /// <summary>Integers stay; reals and numeric strings are rounded to an integer.</summary>
    private static ClassAdValue Rounding(ClassAdValue value, Func<double, double> round)
    {
        if (value.Kind == ClassAdValueKind.Integer)
        {
            return value;
        }

        var real = ToReal(value);
        if (value.Kind is not (ClassAdValueKind.Real or ClassAdValueKind.String) || !real.TryGetReal(out var r))
        {
            return ClassAdValue.Error;
        }

        return TruncateReal(round(r));
    }
}
