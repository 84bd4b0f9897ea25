namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Operator semantics, following HTCondor's classad library (operators.cpp):
/// strict operators give <c>error</c> if an operand is error, else <c>undefined</c> if one is
/// undefined; booleans promote to integers and integers to reals in arithmetic and comparison;
/// strings compare without case under <c>==</c> and <c>&lt;</c> and with case under <c>=?=</c>;
/// comparing a string with a non-string is <c>error</c>; integer division truncates and dividing by
/// zero is <c>error</c>; <c>%</c> is defined on integers only; <c>&amp;&amp;</c> and <c>||</c> are
/// three-valued and short-circuit (<c>false &amp;&amp; error</c> is false).
/// </summary>
internal sealed partial class ClassAdEvaluator
{
    private ClassAdValue EvalBinary(BinaryExpr binary, in EvalFrame frame)
    {
        var op = binary.Operator;
        if (op is ClassAdBinaryOperator.And or ClassAdBinaryOperator.Or)
        {
            return EvalLogical(op, binary, frame);
        }

        var left = Eval(binary.Left, frame);
        var right = Eval(binary.Right, frame);
        return Apply(op, left, right);
    }

    internal static ClassAdValue Apply(ClassAdBinaryOperator op, ClassAdValue left, ClassAdValue right)
    {
        switch (op)
        {
            case ClassAdBinaryOperator.MetaEqual or ClassAdBinaryOperator.Is:
                return ClassAdValue.FromBoolean(left.Equals(right));
            case ClassAdBinaryOperator.MetaNotEqual or ClassAdBinaryOperator.Isnt:
                return ClassAdValue.FromBoolean(!left.Equals(right));
        }

        if (left.IsError || right.IsError)
        {
            return ClassAdValue.Error;
        }

        if (left.IsUndefined || right.IsUndefined)
        {
            return ClassAdValue.Undefined;
        }

        return op switch
        {
            ClassAdBinaryOperator.Equal or ClassAdBinaryOperator.NotEqual or ClassAdBinaryOperator.Less
                or ClassAdBinaryOperator.LessOrEqual or ClassAdBinaryOperator.Greater
                or ClassAdBinaryOperator.GreaterOrEqual => Compare(op, left, right),
            ClassAdBinaryOperator.Add or ClassAdBinaryOperator.Subtract or ClassAdBinaryOperator.Multiply
                or ClassAdBinaryOperator.Divide or ClassAdBinaryOperator.Modulo => Arithmetic(op, left, right),
            _ => Bitwise(op, left, right),
        };
    }

    private ClassAdValue EvalLogical(ClassAdBinaryOperator op, BinaryExpr binary, in EvalFrame frame)
    {
        var isAnd = op == ClassAdBinaryOperator.And;
        var left = Eval(binary.Left, frame);
        var leftIsBool = left.TryGetBooleanEquivalent(out var l);
        if (leftIsBool && l != isAnd)
        {
            // false && anything = false; true || anything = true (the right side is not evaluated).
            return ClassAdValue.FromBoolean(l);
        }

        if (!leftIsBool && !left.IsExceptional)
        {
            return ClassAdValue.Error;
        }

        var right = Eval(binary.Right, frame);
        var rightIsBool = right.TryGetBooleanEquivalent(out var r);
        if (!rightIsBool && !right.IsExceptional)
        {
            return ClassAdValue.Error;
        }

        if (left.IsError)
        {
            return ClassAdValue.Error;
        }

        if (leftIsBool)
        {
            // true && x = x; false || x = x (x as boolean, undefined or error).
            return rightIsBool ? ClassAdValue.FromBoolean(r) : right;
        }

        // Left is undefined: a deciding right side decides, otherwise undefined (or error).
        if (!rightIsBool)
        {
            return right;
        }

        return r != isAnd ? ClassAdValue.FromBoolean(r) : ClassAdValue.Undefined;
    }

    internal static ClassAdValue EvalUnary(ClassAdUnaryOperator op, ClassAdValue value)
    {
        if (value.IsExceptional)
        {
            return value;
        }

        switch (op)
        {
            case ClassAdUnaryOperator.Minus:
                return value.Kind switch
                {
                    ClassAdValueKind.Integer => ClassAdValue.FromInteger(unchecked(-value.IntegerBits)),
                    ClassAdValueKind.Real => ClassAdValue.FromReal(-value.RealBits),
                    ClassAdValueKind.RelativeTime => ClassAdValue.FromRelativeSeconds(-value.RealBits),
                    _ => ClassAdValue.Error,
                };
            case ClassAdUnaryOperator.Plus:
                return value.Kind is ClassAdValueKind.Integer or ClassAdValueKind.Real or ClassAdValueKind.RelativeTime
                    ? value
                    : ClassAdValue.Error;
            case ClassAdUnaryOperator.Not:
                return value.TryGetBooleanEquivalent(out var b) ? ClassAdValue.FromBoolean(!b) : ClassAdValue.Error;
            default:
                return value.TryGetInteger(out var i) ? ClassAdValue.FromInteger(~i) : ClassAdValue.Error;
        }
    }

    private static ClassAdValue Compare(ClassAdBinaryOperator op, ClassAdValue left, ClassAdValue right)
    {
        int cmp;
        if (left.Kind == ClassAdValueKind.String || right.Kind == ClassAdValueKind.String)
        {
            if (left.Kind != right.Kind)
            {
                return ClassAdValue.Error;
            }

            cmp = string.Compare(left.StringRef, right.StringRef, StringComparison.OrdinalIgnoreCase);
        }
        else if (left.Kind is ClassAdValueKind.List or ClassAdValueKind.Record
                 || right.Kind is ClassAdValueKind.List or ClassAdValueKind.Record)
        {
            return ClassAdValue.Error;
        }
        else if (left.Kind == ClassAdValueKind.AbsoluteTime || right.Kind == ClassAdValueKind.AbsoluteTime)
        {
            if (left.Kind != right.Kind)
            {
                return ClassAdValue.Error;
            }

            cmp = left.AbsoluteTimeRef.CompareTo(right.AbsoluteTimeRef);
        }
        else if (left.Kind == ClassAdValueKind.RelativeTime || right.Kind == ClassAdValueKind.RelativeTime)
        {
            if (left.Kind != right.Kind)
            {
                return ClassAdValue.Error;
            }

            cmp = left.RealBits.CompareTo(right.RealBits);
        }
        else if (left.Kind != ClassAdValueKind.Real && right.Kind != ClassAdValueKind.Real)
        {
            // Integers and booleans (true is 1, false is 0).
            cmp = left.IntegerBits.CompareTo(right.IntegerBits);
        }
        else
        {
            var a = ToReal(left);
            var b = ToReal(right);
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                // IEEE: NaN is unequal to everything and ordered with nothing.
                return ClassAdValue.FromBoolean(op == ClassAdBinaryOperator.NotEqual);
            }

            cmp = a.CompareTo(b);
        }

        return ClassAdValue.FromBoolean(op switch
        {
            ClassAdBinaryOperator.Equal => cmp == 0,
            ClassAdBinaryOperator.NotEqual => cmp != 0,
            ClassAdBinaryOperator.Less => cmp < 0,
            ClassAdBinaryOperator.LessOrEqual => cmp <= 0,
            ClassAdBinaryOperator.Greater => cmp > 0,
            _ => cmp >= 0,
        });
    }

    private static double ToReal(ClassAdValue value) =>
        value.Kind == ClassAdValueKind.Real ? value.RealBits : value.IntegerBits;

    private static ClassAdValue Arithmetic(ClassAdBinaryOperator op, ClassAdValue left, ClassAdValue right)
    {
        if (left.Kind is ClassAdValueKind.AbsoluteTime or ClassAdValueKind.RelativeTime
            || right.Kind is ClassAdValueKind.AbsoluteTime or ClassAdValueKind.RelativeTime)
        {
            return TimeArithmetic(op, left, right);
        }

        if (!IsArithmetic(left) || !IsArithmetic(right))
        {
            return ClassAdValue.Error;
        }

        if (left.Kind != ClassAdValueKind.Real && right.Kind != ClassAdValueKind.Real)
        {
            long a = left.IntegerBits, b = right.IntegerBits;
            switch (op)
            {
                case ClassAdBinaryOperator.Add: return ClassAdValue.FromInteger(unchecked(a + b));
                case ClassAdBinaryOperator.Subtract: return ClassAdValue.FromInteger(unchecked(a - b));
                case ClassAdBinaryOperator.Multiply: return ClassAdValue.FromInteger(unchecked(a * b));
                case ClassAdBinaryOperator.Divide:
                    if (b == 0)
                    {
                        return ClassAdValue.Error;
                    }

                    return ClassAdValue.FromInteger(a == long.MinValue && b == -1 ? long.MaxValue : a / b);
                default:
                    if (b == 0)
                    {
                        return ClassAdValue.Error;
                    }

                    return ClassAdValue.FromInteger(b == -1 ? 0 : a % b);
            }
        }

        var x = ToReal(left);
        var y = ToReal(right);
        double result;
        switch (op)
        {
            case ClassAdBinaryOperator.Add: result = x + y; break;
            case ClassAdBinaryOperator.Subtract: result = x - y; break;
            case ClassAdBinaryOperator.Multiply: result = x * y; break;
            case ClassAdBinaryOperator.Divide:
                if (y == 0)
                {
                    return ClassAdValue.Error;
                }

                result = x / y;
                break;
            default:
                // HTCondor defines % on integers only.
                return ClassAdValue.Error;
        }

        // Overflow to infinity from finite operands is an error, as HTCondor checks HUGE_VAL.
        return double.IsInfinity(result) && double.IsFinite(x) && double.IsFinite(y)
            ? ClassAdValue.Error
            : ClassAdValue.FromReal(result);
    }

    private static bool IsArithmetic(ClassAdValue value) =>
        value.Kind is ClassAdValueKind.Integer or ClassAdValueKind.Real or ClassAdValueKind.Boolean;

    private static ClassAdValue TimeArithmetic(ClassAdBinaryOperator op, ClassAdValue left, ClassAdValue right)
    {
        var (lk, rk) = (left.Kind, right.Kind);
        const ClassAdValueKind Abs = ClassAdValueKind.AbsoluteTime;
        const ClassAdValueKind Rel = ClassAdValueKind.RelativeTime;
        switch (op)
        {
            case ClassAdBinaryOperator.Add when lk == Abs && rk == Rel:
                return ClassAdValue.FromAbsoluteTime(left.AbsoluteTimeRef.AddSeconds(right.RealBits));
            case ClassAdBinaryOperator.Add when lk == Rel && rk == Abs:
                return ClassAdValue.FromAbsoluteTime(right.AbsoluteTimeRef.AddSeconds(left.RealBits));
            case ClassAdBinaryOperator.Add when lk == Rel && rk == Rel:
                return ClassAdValue.FromRelativeSeconds(left.RealBits + right.RealBits);
            case ClassAdBinaryOperator.Subtract when lk == Abs && rk == Abs:
                return ClassAdValue.FromRelativeSeconds((left.AbsoluteTimeRef - right.AbsoluteTimeRef).TotalSeconds);
            case ClassAdBinaryOperator.Subtract when lk == Abs && rk == Rel:
                return ClassAdValue.FromAbsoluteTime(left.AbsoluteTimeRef.AddSeconds(-right.RealBits));
            case ClassAdBinaryOperator.Subtract when lk == Rel && rk == Rel:
                return ClassAdValue.FromRelativeSeconds(left.RealBits - right.RealBits);
            case ClassAdBinaryOperator.Multiply when lk == Rel && right.IsNumber:
                return ClassAdValue.FromRelativeSeconds(left.RealBits * ToReal(right));
            case ClassAdBinaryOperator.Multiply when rk == Rel && left.IsNumber:
                return ClassAdValue.FromRelativeSeconds(right.RealBits * ToReal(left));
            case ClassAdBinaryOperator.Divide when lk == Rel && right.IsNumber && ToReal(right) != 0:
                return ClassAdValue.FromRelativeSeconds(left.RealBits / ToReal(right));
            default:
                return ClassAdValue.Error;
        }
    }

    private static ClassAdValue Bitwise(ClassAdBinaryOperator op, ClassAdValue left, ClassAdValue right)
    {
        if (!left.TryGetInteger(out var a) || !right.TryGetInteger(out var b))
        {
            return ClassAdValue.Error;
        }

        return ClassAdValue.FromInteger(op switch
        {
            ClassAdBinaryOperator.BitwiseOr => a | b,
            ClassAdBinaryOperator.BitwiseXor => a ^ b,
            ClassAdBinaryOperator.BitwiseAnd => a & b,
            ClassAdBinaryOperator.ShiftLeft => a << (int)b,
            ClassAdBinaryOperator.ShiftRight => a >> (int)b,
            _ => a >>> (int)b,
        });
    }
}
