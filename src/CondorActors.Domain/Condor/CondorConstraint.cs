using System.Text;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor;

/// <summary>
/// A caller's constraint checked and shaped once, used alike by both backends so they select the
/// same ads and fail at the same point:
/// <list type="bullet">
/// <item>It is parsed here first: a syntax error is a <see cref="CondorConstraintException"/> with its
/// position, before any command runs.</item>
/// <item>An expression that references no attribute is folded: unless it is exactly <c>true</c> it
/// selects nothing, and no command runs. HTCondor 8.7.10's <c>condor_q -constraint false</c>
/// returns EVERY job (recorded in the fixtures); folding keeps that from ever reaching clients.</item>
/// <item>The tools see <c>(EXPR) =?= true</c>: never a bare literal (the quirk above), and with the
/// same "exactly true" semantics the simulated pool applies (plain HTCondor would also accept a
/// non-zero number as true).</item>
/// </list>
/// Clauses the gateway adds itself (a Name for status, a time for history) are ANDed in front.
/// </summary>
internal sealed class CondorConstraint
{
    private CondorConstraint(string? userText, bool selectsNothing, IReadOnlyList<string> clauses)
    {
        UserText = userText;
        SelectsNothing = selectsNothing;
        ToolText = clauses.Count == 0 ? null : string.Join(" && ", clauses);
        Expression = ToolText is null ? null : ClassAdExpr.Parse(ToolText);
    }

    /// <summary>The caller's constraint, trimmed; null when none was given.</summary>
    public string? UserText { get; }

    /// <summary>True when the caller's constraint is constant and not exactly true: the answer is empty.</summary>
    public bool SelectsNothing { get; }

    /// <summary>The text for <c>-constraint</c>; null when nothing constrains the query.</summary>
    public string? ToolText { get; }

    /// <summary>The parsed <see cref="ToolText"/>, for evaluating in-process.</summary>
    public ClassAdExpr? Expression { get; }

    /// <summary>Checks and shapes a caller's constraint; <paramref name="gatewayClauses"/> are trusted expression texts.</summary>
    /// <exception cref="CondorConstraintException">The constraint does not parse.</exception>
    public static CondorConstraint Prepare(string? constraint, params IEnumerable<string> gatewayClauses)
    {
        var clauses = gatewayClauses.Select(clause => $"({clause})").ToList();
        var text = string.IsNullOrWhiteSpace(constraint) ? null : constraint.Trim();
        if (text is null)
        {
            return new CondorConstraint(null, false, clauses);
        }

        if (!ClassAdExpression.TryParse(text, out var parsed, out var error))
        {
            throw new CondorConstraintException($"Invalid constraint: {error}", text, error.Offset);
        }

        var selectsNothing = !ReferencesAttributes(parsed) && !parsed.Evaluate().IsTrue;

        // The text parsed as ONE expression, so wrapping it in parentheses cannot change its meaning.
        var userClause = $"({text}) =?= true";
        clauses.Add(clauses.Count == 0 ? userClause : $"({userClause})");
        return new CondorConstraint(text, selectsNothing, clauses);
    }

    /// <summary>True when <paramref name="ad"/> is selected: the expression evaluates to exactly <c>true</c>.</summary>
    public bool Matches(ClassAd ad) => !SelectsNothing && (Expression is null || ad.EvaluateExpression(Expression).IsTrue);

    /// <summary>A ClassAd string literal for <paramref name="value"/> (quotes and backslashes escaped).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Whether the value can depend on an ad. Conservative: any attribute reference (even inside a
    /// nested record) or an unknown node counts, so only truly constant expressions are folded.
    /// </summary>
    private static bool ReferencesAttributes(ClassAdExpr expr) => expr switch
    {
        LiteralExpr => false,
        AttributeExpr => true,
        BinaryExpr binary => ReferencesAttributes(binary.Left) || ReferencesAttributes(binary.Right),
        UnaryExpr unary => ReferencesAttributes(unary.Operand),
        ConditionalExpr conditional => ReferencesAttributes(conditional.Condition)
            || (conditional.WhenTrue is { } whenTrue && ReferencesAttributes(whenTrue))
            || ReferencesAttributes(conditional.WhenFalse),
        FunctionCallExpr call => call.Arguments.Any(ReferencesAttributes),
        ListExpr list => list.Items.Any(ReferencesAttributes),
        RecordExpr record => record.Attributes.Any(pair => ReferencesAttributes(pair.Value)),
        SelectExpr select => ReferencesAttributes(select.Target),
        SubscriptExpr subscript => ReferencesAttributes(subscript.Target) || ReferencesAttributes(subscript.Index),
        _ => true,
    };
}
