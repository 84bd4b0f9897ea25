using System.Globalization;
using System.Text;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Prints expressions and values as canonical ClassAd text: binary operators with one space
/// around them, parentheses only where precedence needs them, strings with C escapes, reals in
/// shortest round-trip form that always reads back as a real.
/// </summary>
internal static class ClassAdPrinter
{
    public static string Print(ClassAdExpr expr)
    {
        var sb = new StringBuilder();
        Write(sb, expr);
        return sb.ToString();
    }

    public static string Print(ClassAdValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, ClassAdExpr expr)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                Write(sb, literal.Value);
                break;
            case AttributeExpr attribute:
                if (attribute.Absolute)
                {
                    sb.Append('.');
                }

                WriteName(sb, attribute.Name);
                break;
            case SelectExpr select:
                WriteOperand(sb, select.Target, ClassAdOperators.PostfixPrecedence);
                sb.Append('.');
                WriteName(sb, select.Name);
                break;
            case SubscriptExpr subscript:
                WriteOperand(sb, subscript.Target, ClassAdOperators.PostfixPrecedence);
                sb.Append('[');
                Write(sb, subscript.Index);
                sb.Append(']');
                break;
            case UnaryExpr unary:
                sb.Append(ClassAdOperators.Symbol(unary.Operator));
                if (unary.Operator == ClassAdUnaryOperator.Minus && unary.Operand is LiteralExpr { Value.IsNumber: true })
                {
                    // "-5" would read back as the literal -5; keep the operator visible.
                    sb.Append('(');
                    Write(sb, unary.Operand);
                    sb.Append(')');
                }
                else
                {
                    if (StartsWithSign(unary.Operand))
                    {
                        sb.Append(' ');
                    }

                    WriteOperand(sb, unary.Operand, ClassAdOperators.UnaryPrecedence);
                }

                break;
            case BinaryExpr binary:
                var precedence = ClassAdOperators.Precedence(binary.Operator);
                WriteOperand(sb, binary.Left, precedence);
                sb.Append(' ').Append(ClassAdOperators.Symbol(binary.Operator)).Append(' ');
                WriteOperand(sb, binary.Right, precedence + 1);
                break;
            case ConditionalExpr conditional:
                WriteOperand(sb, conditional.Condition, ClassAdOperators.ConditionalPrecedence + 1);
                if (conditional.WhenTrue is null)
                {
                    sb.Append(" ?: ");
                }
                else
                {
                    sb.Append(" ? ");
                    Write(sb, conditional.WhenTrue);
                    sb.Append(" : ");
                }

                Write(sb, conditional.WhenFalse);
                break;
            case ListExpr list:
                sb.Append('{');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    sb.Append(i == 0 ? " " : ", ");
                    Write(sb, list.Items[i]);
                }

                sb.Append(list.Items.Count == 0 ? "}" : " }");
                break;
            case RecordExpr record:
                WriteRecord(sb, record.Attributes);
                break;
            case FunctionCallExpr call:
                sb.Append(call.Name).Append('(');
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Write(sb, call.Arguments[i]);
                }

                sb.Append(')');
                break;
            default:
                throw new InvalidOperationException($"Unknown expression node {expr.GetType().Name}.");
        }
    }

    public static void WriteRecord(StringBuilder sb, IEnumerable<KeyValuePair<string, ClassAdExpr>> attributes)
    {
        sb.Append('[');
        var first = true;
        foreach (var (name, value) in attributes)
        {
            sb.Append(first ? " " : "; ");
            first = false;
            WriteName(sb, name);
            sb.Append(" = ");
            Write(sb, value);
        }

        sb.Append(first ? "]" : " ]");
    }

    public static void Write(StringBuilder sb, ClassAdValue value)
    {
        switch (value.Kind)
        {
            case ClassAdValueKind.Undefined:
                sb.Append("undefined");
                break;
            case ClassAdValueKind.Error:
                sb.Append("error");
                break;
            case ClassAdValueKind.Boolean:
                sb.Append(value.IsTrue ? "true" : "false");
                break;
            case ClassAdValueKind.Integer:
                sb.Append(value.IntegerBits.ToString(CultureInfo.InvariantCulture));
                break;
            case ClassAdValueKind.Real:
                sb.Append(FormatReal(value.RealBits));
                break;
            case ClassAdValueKind.String:
                WriteQuoted(sb, value.StringRef, '"');
                break;
            case ClassAdValueKind.List:
                var items = value.ListRef;
                sb.Append('{');
                for (var i = 0; i < items.Length; i++)
                {
                    sb.Append(i == 0 ? " " : ", ");
                    Write(sb, items[i]);
                }

                sb.Append(items.Length == 0 ? "}" : " }");
                break;
            case ClassAdValueKind.Record:
                WriteRecord(sb, value.RecordRef.Ad);
                break;
            case ClassAdValueKind.AbsoluteTime:
                sb.Append("absTime(");
                WriteQuoted(sb, value.AbsoluteTimeRef.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), '"');
                sb.Append(')');
                break;
            case ClassAdValueKind.RelativeTime:
                sb.Append("relTime(").Append(FormatReal(value.RealBits)).Append(')');
                break;
        }
    }

    /// <summary>
    /// Shortest text that parses back to the same double and always as a real ("1.0", not "1").
    /// Infinities and NaN have no literal form; they print as calls HTCondor understands.
    /// </summary>
    public static string FormatReal(double value)
    {
        if (double.IsNaN(value))
        {
            return "real(\"NaN\")";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "real(\"INF\")" : "-real(\"INF\")";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny('.', 'E') < 0)
        {
            text += ".0";
        }

        return text;
    }

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        WriteQuoted(sb, value, '"');
        return sb.ToString();
    }

    public static void WriteQuoted(StringBuilder sb, string value, char quote)
    {
        sb.Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < ' ' || c == '\x7f')
                    {
                        // Octal escapes are what every ClassAd parser (old and new) reads back.
                        sb.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append(quote);
    }

    public static void WriteName(StringBuilder sb, string name)
    {
        if (ClassAdExpression.IsValidAttributeName(name) && !IsKeyword(name))
        {
            sb.Append(name);
        }
        else
        {
            WriteQuoted(sb, name, '\'');
        }
    }

    internal static bool IsKeyword(string name) =>
        name.Equals("true", StringComparison.OrdinalIgnoreCase)
        || name.Equals("false", StringComparison.OrdinalIgnoreCase)
        || name.Equals("undefined", StringComparison.OrdinalIgnoreCase)
        || name.Equals("error", StringComparison.OrdinalIgnoreCase)
        || name.Equals("is", StringComparison.OrdinalIgnoreCase)
        || name.Equals("isnt", StringComparison.OrdinalIgnoreCase);

    private static void WriteOperand(StringBuilder sb, ClassAdExpr operand, int minPrecedence)
    {
        if (PrecedenceOf(operand) < minPrecedence)
        {
            sb.Append('(');
            Write(sb, operand);
            sb.Append(')');
        }
        else
        {
            Write(sb, operand);
        }
    }

    private static int PrecedenceOf(ClassAdExpr expr) => expr switch
    {
        ConditionalExpr => ClassAdOperators.ConditionalPrecedence,
        BinaryExpr b => ClassAdOperators.Precedence(b.Operator),
        UnaryExpr => ClassAdOperators.UnaryPrecedence,

        // A negative number literal is a folded unary minus: as an operand of a postfix
        // operator it needs parentheses, "(-1).a" not "-1.a".
        LiteralExpr { Value.IsNumber: true } l when IsNegative(l.Value) => ClassAdOperators.UnaryPrecedence,
        _ => ClassAdOperators.PostfixPrecedence,
    };

    private static bool IsNegative(ClassAdValue value) =>
        value.TryGetInteger(out var i) ? i < 0 : value.RealBits < 0 || double.IsNegative(value.RealBits);

    private static bool StartsWithSign(ClassAdExpr expr) => expr switch
    {
        UnaryExpr u => u.Operator is ClassAdUnaryOperator.Minus or ClassAdUnaryOperator.Plus,
        LiteralExpr { Value.IsNumber: true } l => IsNegative(l.Value),
        _ => false,
    };
}
