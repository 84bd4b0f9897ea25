namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Resolves an unresolved tree (HOCON.md, substitutions). Values are computed lazily per path:
/// the definitions of a path are those of its parent's effective definitions, newest last; a
/// non-object definition hides older ones, objects merge. Looking up <c>${bar.foo}</c> therefore
/// resolves only <c>bar.foo</c>, not all of <c>bar</c>.
///
/// Self-references "look backward": while a field's substitution or concatenation is being
/// resolved, a restriction hides that definition and every newer one of the same path, so
/// <c>path = ${path}":/x"</c> sees the earlier value. Each substitution instance is memoized
/// (the spec's requirement that order-dependent cases stay consistent). A substitution that is
/// reached again while being resolved is a cycle.
/// </summary>
internal sealed partial class HoconResolver
{
    private readonly List<HoconNode> _roots;
    private readonly Func<string, string?> _environment;
    // Marks a memoized undefined value (an optional substitution with nothing to refer to).
    private static readonly object Undefined = new();
    private readonly HashSet<HoconNode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _active = [];
    private readonly Stack<List<HoconNode>> _scratch = new();

    public HoconResolver(IReadOnlyList<UnresolvedObject> roots, Func<string, string?> environment)
    {
        _roots = [.. roots];
        _environment = environment;
    }

    public HoconObject ResolveRoot()
    {
        try
        {
            return ValueOf(PathNode.Root, _roots, null) as HoconObject ?? new HoconObject(new HoconOrigin("empty", 0, 0));
        }
        catch (HoconCycleException cycle)
        {
            throw cycle.ToHoconException();
        }
    }

    /// <summary>The resolved value of a path given its visible definitions; null when undefined.</summary>
    private HoconValue? ValueOf(PathNode? path, List<HoconNode> definitions, Restriction? restriction)
    {
        var effective = Effective(path, definitions, restriction);
        var value = ValueOfEffective(path, effective, restriction);
        ReturnEffective(effective, definitions);
        return value;
    }

    private HoconValue? ValueOfEffective(PathNode? path, List<HoconNode> effective, Restriction? restriction)
    {
        if (effective.Count == 0)
        {
            return null;
        }

        var top = effective[^1];
        switch (top)
        {
            case HoconObject resolved when effective.Count == 1:
                return resolved;
            case UnresolvedObject or HoconObject:
                break;
            case UnresolvedArray array:
                return ResolveArray(array, restriction);
            default:
                return (HoconValue)top;
        }

        if (AllPlainObjects(effective))
        {
            return MergePlain(effective);
        }

        var keys = KeysOf(effective);
        var result = new HoconObject(top.Origin, keys.Count);
        result.ReserveIndex();
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            var childPath = path is null ? null : new PathNode(path, key);
            var childDefinitions = ChildDefinitions(effective, key);
            if (childPath is not null && restriction is not null)
            {
                childDefinitions = Restrict(childPath, childDefinitions, restriction, out _);
            }

            // KeysOf gives each key once, so no lookup is needed before adding it.
            if (ValueOf(childPath, childDefinitions, restriction) is { } value)
            {
                result.Append(key, value);
            }
        }

        return result;
    }

    /// <summary>
    /// The definitions that make up a value, oldest first: from the newest back to the first
    /// non-object (which hides everything older). Substitutions and concatenations are resolved
    /// on the way because only their result says whether they are objects; an undefined optional
    /// one is skipped ("the previous value remains").
    /// </summary>
    private List<HoconNode> Effective(PathNode? path, List<HoconNode> definitions, Restriction? restriction)
    {
        if (definitions.Count == 1 && definitions[0] is not (HoconSubstitution or HoconConcatenation))
        {
            return definitions;
        }

        var result = RentList();
        for (var i = definitions.Count - 1; i >= 0; i--)
        {
            var definition = definitions[i];
            if (definition is HoconDeferred deferred)
            {
                var value = ResolveDefinition(path, deferred, restriction, deferred is HoconConcatenation, out var parts);
                if (parts is not null)
                {
                    // An object concatenation is the merge of its parts: taking the parts as
                    // definitions gives the same value without building the merge only to copy it.
                    for (var p = parts.Length - 1; p >= 0; p--)
                    {
                        result.Add(parts[p]);
                    }

                    continue;
                }

                if (value is null)
                {
                    continue;
                }

                definition = value;
            }

            result.Add(definition);
            if (definition is not (UnresolvedObject or HoconObject))
            {
                break;
            }
        }

        result.Reverse();
        return result;
    }

    // Scratch lists for effective definitions and concatenation parts: they live only while one
    // value is computed, and a large file computes thousands, so they are reused.
    private List<HoconNode> RentList() => _scratch.TryPop(out var list) ? list : [];

    private void ReturnList(List<HoconNode> list)
    {
        list.Clear();
        _scratch.Push(list);
    }

    /// <summary>Returns a list <see cref="Effective"/> rented (it hands back its input unchanged when there was nothing to do).</summary>
    private void ReturnEffective(List<HoconNode> effective, List<HoconNode> definitions)
    {
        if (!ReferenceEquals(effective, definitions))
        {
            ReturnList(effective);
        }
    }

    private static IReadOnlyList<string> KeysOf(List<HoconNode> effective)
    {
        if (effective.Count == 1 && effective[0] is UnresolvedObject only)
        {
            return only.Keys;
        }

        var keys = new List<string>();
        HashSet<string>? seen = null;
        foreach (var definition in effective)
        {
            if (definition is UnresolvedObject u)
            {
                foreach (var key in u.Keys)
                {
                    AddKey(keys, ref seen, key);
                }
            }
            else if (definition is HoconObject o)
            {
                foreach (var field in o.Fields)
                {
                    AddKey(keys, ref seen, field.Key);
                }
            }
        }

        return keys;
    }

    private static void AddKey(List<string> keys, ref HashSet<string>? seen, string key)
    {
        if (seen is null)
        {
            if (keys.Count < 32)
            {
                if (!keys.Contains(key, StringComparer.Ordinal))
                {
                    keys.Add(key);
                }

                return;
            }

            seen = new HashSet<string>(keys, StringComparer.Ordinal);
        }

        if (seen.Add(key))
        {
            keys.Add(key);
        }
    }

    /// <summary>Definitions of <paramref name="key"/> contributed by each object among the parent's effective definitions.</summary>
    private static List<HoconNode> ChildDefinitions(List<HoconNode> effective, string key)
    {
        List<HoconNode>? shared = null;
        List<HoconNode>? own = null;
        foreach (var definition in effective)
        {
            if (definition is UnresolvedObject u && u.TryGetDefinitions(key, out var list))
            {
                if (shared is null && own is null)
                {
                    shared = list;
                    continue;
                }

                own ??= [.. shared!];
                own.AddRange(list);
            }
            else if (definition is HoconObject o && o.TryGetValue(key, out var value))
            {
                own ??= shared is null ? [] : [.. shared];
                own.Add(value);
            }

            if (own is not null)
            {
                shared = null;
            }
        }

        return own ?? shared ?? [];
    }

    private HoconArray ResolveArray(UnresolvedArray array, Restriction? restriction)
    {
        if (array.IsPlain)
        {
            return LiteralArray(array);
        }

        var items = new List<HoconValue>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (ResolveAnonymous(item, restriction) is { } value)
            {
                items.Add(value);
            }
        }

        return new HoconArray(items, array.Origin);
    }

    /// <summary>Resolves a node that no path can refer to (array element, concatenation part).</summary>
    private HoconValue? ResolveAnonymous(HoconNode node, Restriction? restriction) => node switch
    {
        HoconValue value => value,
        UnresolvedArray array => ResolveArray(array, restriction),
        UnresolvedObject { IsPlain: true } literal => Literal(literal),
        UnresolvedObject => ValueOf(null, [node], restriction),
        HoconDeferred deferred => ResolveDefinition(null, deferred, restriction),
        _ => throw new InvalidOperationException("unexpected node " + node.GetType().Name),
    };

    /// <summary>
    /// Resolves a substitution or concatenation that defines <paramref name="path"/> (null when
    /// anonymous), hiding it and newer definitions of the path while doing so (looking backward).
    /// </summary>
    private HoconValue? ResolveDefinition(PathNode? path, HoconDeferred definition, Restriction? restriction) => ResolveDefinition(path, definition, restriction, false, out _);

    /// <summary>
    /// As above; with <paramref name="splice"/>, a concatenation of two or more objects is not
    /// merged: its object parts come back in <paramref name="parts"/> (oldest first) instead.
    /// </summary>
    private HoconValue? ResolveDefinition(PathNode? path, HoconDeferred definition, Restriction? restriction, bool splice, out HoconObject[]? parts)
    {
        parts = null;
        if (ReferenceEquals(definition.MemoOwner, this))
        {
            // A value memo answers every request; spliced parts only a splicing one (a plain
            // request computes the merged value and memoizes it over the parts).
            switch (definition.Memo)
            {
                case HoconValue value:
                    return value;
                case HoconObject[] spliced when splice:
                    parts = spliced;
                    return null;
                case HoconObject[]:
                    break;
                default:
                    return null;
            }
        }

        if (!_inProgress.Add(definition))
        {
            throw new HoconCycleException(definition.Origin, $"substitution cycle: {DescribeCycle(definition)}");
        }

        try
        {
            var inner = path is null ? restriction : new Restriction(restriction, path, definition);
            var value = definition switch
            {
                HoconSubstitution substitution => ResolveSubstitution(substitution, inner),
                HoconConcatenation concatenation => ResolveConcatenation(concatenation, inner, splice, out parts),
                _ => throw new InvalidOperationException("not a substitution or concatenation"),
            };
            definition.MemoOwner = this;
            if (parts is not null)
            {
                definition.Memo = parts;
                return null;
            }

            definition.Memo = value ?? Undefined;
            return value;
        }
        finally
        {
            _inProgress.Remove(definition);
        }
    }

    private string DescribeCycle(HoconNode repeated)
    {
        var names = new List<string>();
        var start = repeated is HoconSubstitution s ? _active.IndexOf(s) : -1;
        for (var i = Math.Max(start, 0); i < _active.Count; i++)
        {
            names.Add(_active[i].ToString());
        }

        names.Add(repeated is HoconSubstitution r ? r.ToString() : "the value at " + repeated.Origin);
        return string.Join(" -> ", names);
    }
}
