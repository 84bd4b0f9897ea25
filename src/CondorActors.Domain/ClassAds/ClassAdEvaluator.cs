namespace CondorActors.Domain.ClassAds;

/// <summary>The MY scope chain and the TARGET scope an expression is evaluated in.</summary>
internal readonly record struct EvalFrame(EvalScope? My, EvalScope? Target);

/// <summary>
/// Evaluates expression trees with HTCondor's ClassAd semantics (see the partial files for the
/// operators and functions). One instance per top-level evaluation: it carries the set of
/// attributes being evaluated, so a self-referential attribute yields <c>error</c> instead of
/// overflowing the stack.
/// </summary>
internal sealed partial class ClassAdEvaluator
{
    private readonly List<(ClassAd Ad, int Slot)> _inProgress = [];
    private int _depth;

    private ClassAdEvaluator(ClassAdEvaluationOptions options) => Options = options;

    public ClassAdEvaluationOptions Options { get; }

    public static ClassAdValue EvaluateTopLevel(ClassAdExpr expr, ClassAd? my, ClassAd? target, ClassAdEvaluationOptions options)
    {
        var evaluator = new ClassAdEvaluator(options);
        return evaluator.Eval(expr, Frame(my, target));
    }

    public static ClassAdValue EvaluateAttribute(ClassAd my, string name, ClassAd? target, ClassAdEvaluationOptions options)
    {
        var i = my.IndexOf(name);
        if (i < 0)
        {
            return ClassAdValue.Undefined;
        }

        var evaluator = new ClassAdEvaluator(options);
        var frame = Frame(my, target);
        return evaluator.EvalSlot(frame.My!, i, frame.Target);
    }

    private static EvalFrame Frame(ClassAd? my, ClassAd? target) =>
        new(my is null ? null : new EvalScope(my, null), target is null ? null : new EvalScope(target, null));

    public ClassAdValue Eval(ClassAdExpr expr, in EvalFrame frame)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return literal.Value;
            case AttributeExpr attribute:
                return EvalAttribute(attribute, frame);
            case BinaryExpr binary:
                return EvalBinary(binary, frame);
            case UnaryExpr unary:
                return EvalUnary(unary.Operator, Eval(unary.Operand, frame));
            case SelectExpr select:
                return EvalSelect(select, frame);
            case FunctionCallExpr call:
                return ClassAdFunctions.Invoke(call, this, frame);
            case ConditionalExpr conditional:
                return EvalConditional(conditional, frame);
            case SubscriptExpr subscript:
                return EvalSubscript(Eval(subscript.Target, frame), Eval(subscript.Index, frame), frame.Target);
            case ListExpr list:
                var items = new ClassAdValue[list.Items.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Eval(list.Items[i], frame);
                }

                return ClassAdValue.FromListUnsafe(items);
            case RecordExpr record:
                return ClassAdValue.FromRecord(new ClassAdRecord(record.Ad, frame.My));
            default:
                return ClassAdValue.Error;
        }
    }

    /// <summary>Evaluates text parsed at run time (the <c>eval()</c> function), guarding depth.</summary>
    public ClassAdValue EvalNested(ClassAdExpr expr, in EvalFrame frame)
    {
        if (_depth >= Options.MaxAttributeDepth)
        {
            return ClassAdValue.Error;
        }

        _depth++;
        try
        {
            return Eval(expr, frame);
        }
        finally
        {
            _depth--;
        }
    }

    private ClassAdValue EvalAttribute(AttributeExpr attribute, in EvalFrame frame)
    {
        var name = attribute.Name;
        if (attribute.Absolute)
        {
            var root = frame.My?.Root;
            var at = root?.Ad.IndexOf(name) ?? -1;
            return at >= 0 ? EvalSlot(root!, at, frame.Target) : ClassAdValue.Undefined;
        }

        for (var scope = frame.My; scope is not null; scope = scope.Parent)
        {
            var i = scope.Ad.IndexOf(name);
            if (i >= 0)
            {
                return EvalSlot(scope, i, frame.Target);
            }
        }

        switch (ScopeName(name))
        {
            case ScopeKind.My:
                return frame.My is null ? ClassAdValue.Undefined : AsRecord(frame.My);
            case ScopeKind.Target:
                return frame.Target is null ? ClassAdValue.Undefined : AsRecord(frame.Target);
            case ScopeKind.Parent:
                return frame.My?.Parent is null ? ClassAdValue.Undefined : AsRecord(frame.My.Parent);
        }

        // Matchmaking: a name not found in MY is looked up in TARGET and evaluated there, with the
        // roles swapped (HTCondor's MatchClassAd alternate scope).
        if (frame.Target is not null)
        {
            var i = frame.Target.Ad.IndexOf(name);
            if (i >= 0)
            {
                return EvalSlot(frame.Target, i, frame.My?.Root);
            }
        }

        return ClassAdValue.Undefined;
    }

    private ClassAdValue EvalSelect(SelectExpr select, in EvalFrame frame)
    {
        if (select.Target is AttributeExpr { Absolute: false } scopeRef)
        {
            switch (ScopeName(scopeRef.Name))
            {
                case ScopeKind.My:
                    for (var scope = frame.My; scope is not null; scope = scope.Parent)
                    {
                        var i = scope.Ad.IndexOf(select.Name);
                        if (i >= 0)
                        {
                            return EvalSlot(scope, i, frame.Target);
                        }
                    }

                    return ClassAdValue.Undefined;
                case ScopeKind.Target:
                    return LookupLocal(frame.Target, select.Name, frame.My?.Root);
                case ScopeKind.Parent:
                    return LookupLocal(frame.My?.Parent, select.Name, frame.Target);
            }
        }

        return SelectFrom(Eval(select.Target, frame), select.Name, frame.Target);
    }

    private ClassAdValue SelectFrom(ClassAdValue value, string name, EvalScope? target)
    {
        switch (value.Kind)
        {
            case ClassAdValueKind.Record:
                var record = value.RecordRef;
                return LookupLocal(new EvalScope(record.Ad, record.Parent), name, target);
            case ClassAdValueKind.List:
                // Selection over a list selects from each element, as in HTCondor.
                var items = value.ListRef;
                var result = new ClassAdValue[items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    result[i] = SelectFrom(items[i], name, target);
                }

                return ClassAdValue.FromListUnsafe(result);
            case ClassAdValueKind.Undefined:
                return ClassAdValue.Undefined;
            default:
                return ClassAdValue.Error;
        }
    }

    private ClassAdValue LookupLocal(EvalScope? scope, string name, EvalScope? target)
    {
        if (scope is null)
        {
            return ClassAdValue.Undefined;
        }

        var i = scope.Ad.IndexOf(name);
        return i >= 0 ? EvalSlot(scope, i, target) : ClassAdValue.Undefined;
    }

    private ClassAdValue EvalSlot(EvalScope scope, int index, EvalScope? target)
    {
        ref readonly var slot = ref scope.Ad.SlotAt(index);
        if (slot.IsLiteral)
        {
            return slot.Literal;
        }

        foreach (var (ad, at) in _inProgress)
        {
            if (at == index && ReferenceEquals(ad, scope.Ad))
            {
                return ClassAdValue.Error;
            }
        }

        if (_inProgress.Count + _depth >= Options.MaxAttributeDepth)
        {
            return ClassAdValue.Error;
        }

        _inProgress.Add((scope.Ad, index));
        try
        {
            return Eval(scope.Ad.ExpressionAt(index), new EvalFrame(scope, target));
        }
        finally
        {
            _inProgress.RemoveAt(_inProgress.Count - 1);
        }
    }

    private ClassAdValue EvalConditional(ConditionalExpr conditional, in EvalFrame frame)
    {
        var selector = Eval(conditional.Condition, frame);
        if (conditional.WhenTrue is null)
        {
            return selector.IsUndefined ? Eval(conditional.WhenFalse, frame) : selector;
        }

        if (selector.IsUndefined)
        {
            return ClassAdValue.Undefined;
        }

        if (!selector.TryGetBooleanEquivalent(out var b))
        {
            return ClassAdValue.Error;
        }

        return Eval(b ? conditional.WhenTrue : conditional.WhenFalse, frame);
    }

    private ClassAdValue EvalSubscript(ClassAdValue target, ClassAdValue index, EvalScope? targetScope)
    {
        if (target.IsError || index.IsError)
        {
            return ClassAdValue.Error;
        }

        if (target.IsUndefined || index.IsUndefined)
        {
            return ClassAdValue.Undefined;
        }

        if (target.Kind == ClassAdValueKind.List && index.TryGetInteger(out var i))
        {
            var items = target.ListRef;
            return i >= 0 && i < items.Length ? items[i] : ClassAdValue.Error;
        }

        if (target.Kind == ClassAdValueKind.Record && index.TryGetString(out var name))
        {
            var record = target.RecordRef;
            return LookupLocal(new EvalScope(record.Ad, record.Parent), name, targetScope);
        }

        return ClassAdValue.Error;
    }

    private static ClassAdValue AsRecord(EvalScope scope) => ClassAdValue.FromRecord(new ClassAdRecord(scope.Ad, scope.Parent));

    private enum ScopeKind
    {
        None,
        My,
        Target,
        Parent,
    }

    private static ScopeKind ScopeName(string name)
    {
        if (name.Length is < 2 or > 6)
        {
            return ScopeKind.None;
        }

        if (name.Equals("MY", StringComparison.OrdinalIgnoreCase) || name.Equals("SELF", StringComparison.OrdinalIgnoreCase))
        {
            return ScopeKind.My;
        }

        if (name.Equals("TARGET", StringComparison.OrdinalIgnoreCase))
        {
            return ScopeKind.Target;
        }

        return name.Equals("PARENT", StringComparison.OrdinalIgnoreCase) ? ScopeKind.Parent : ScopeKind.None;
    }
}
