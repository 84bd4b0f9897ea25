namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconResolver
{
    private PathNode? _lastTopLevel;

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, Restriction? restriction)
    {
        _active.Add(substitution);
        try
        {
            var lookedBack = false;
            for (var c = 0; c < 2; c++)
            {
                // HOCON.md: substitutions in an included file are looked up fixed-up first, then as written.
                if ((c == 0 ? substitution.Path : substitution.OriginalPath) is not { } candidate)
                {
                    break;
                }

                for (var r = restriction; r is not null; r = r.Next)
                {
                    if (r.Path.HasStrictPrefix(candidate))
                    {
                        // HOCON.md: "a : { b : ${a} }" is an unbreakable cycle, not a self-reference.
                        throw new HoconCycleException(substitution.Origin, $"substitution cycle: {substitution} refers to an object that contains the value being defined ({HoconPath.Render(r.Path.ToArray())})");
                    }
                }

                var (value, cut) = Lookup(candidate, restriction);
                lookedBack |= cut;
                if (value is not null)
                {
                    return value;
                }
            }

            // HOCON.md: substitutions not found in the configuration fall back to environment
            // variables (always strings; an empty variable is kept as an empty string).
            var name = substitution.WrittenName;
            if (_environment(name) is { } env)
            {
                return new HoconString(env, HoconOrigin.Environment(name));
            }

            if (substitution.Optional)
            {
                return null;
            }

            throw new HoconException(substitution.Origin, lookedBack
                ? $"cannot resolve {substitution}: it refers back to itself (directly or through other substitutions) and '{name}' has no earlier value to look back to, nor is there an environment variable {name}"
                : $"cannot resolve {substitution}: no value at '{name}' and no environment variable {name} (write ${{?{name}}} if it may be missing)");
        }
        catch (HoconCycleException) when (substitution.Optional)
        {
            // HOCON.md: a cycle is treated like a missing value by an optional substitution.
            return null;
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>Looks up an absolute path; <c>cut</c> tells whether a self-reference restriction hid definitions.</summary>
    private (HoconValue? Value, bool Cut) Lookup(string[] path, Restriction? restriction)
    {
        var definitions = _roots;
        var node = PathNode.Root;
        var cut = false;
        foreach (var key in path)
        {
            var effective = Effective(node, definitions, restriction);
            var child = ChildDefinitions(effective, key);
            ReturnEffective(effective, definitions);
            node = ChildOf(node, key);
            if (restriction is not null)
            {
                child = Restrict(node, child, restriction, out var c);
                cut |= c;
            }

            if (child.Count == 0)
            {
                return (null, cut);
            }

            definitions = child;
        }

        return (ValueOf(node, definitions, restriction), cut);
    }

    /// <summary>
    /// The path node of <paramref name="key"/> below <paramref name="parent"/>. Path nodes are
    /// immutable and compared by keys, so the last top-level one looked up is reused: the same
    /// reference (<c>${defaults}</c>) is often looked up thousands of times.
    /// </summary>
    private PathNode ChildOf(PathNode parent, string key)
    {
        if (!ReferenceEquals(parent, PathNode.Root))
        {
            return new PathNode(parent, key);
        }

        if (_lastTopLevel is not { } last || !string.Equals(last.Key, key, StringComparison.Ordinal))
        {
            last = new PathNode(parent, key);
            _lastTopLevel = last;
        }

        return last;
    }

    /// <summary>Hides, for a restricted path, the definition being resolved and every newer one.</summary>
    private static List<HoconNode> Restrict(PathNode path, List<HoconNode> definitions, Restriction restriction, out bool cut)
    {
        var keep = definitions.Count;
        for (var r = restriction; r is not null; r = r.Next)
        {
            if (r.Path.Depth == path.Depth && r.Path.SameAs(path))
            {
                var index = IndexOfReference(definitions, r.Definition);
                if (index >= 0 && index < keep)
                {
                    keep = index;
                }
            }
        }

        cut = keep < definitions.Count;
        return cut ? definitions.GetRange(0, keep) : definitions;
    }

    private static int IndexOfReference(List<HoconNode> definitions, HoconNode definition)
    {
        for (var i = 0; i < definitions.Count; i++)
        {
            if (ReferenceEquals(definitions[i], definition))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A path during resolution, as a cheap linked list.</summary>
    private sealed class PathNode
    {
        public static readonly PathNode Root = new(null, "");

        public PathNode(PathNode? parent, string key)
        {
            Parent = parent;
            Key = key;
            Depth = parent is null ? 0 : parent.Depth + 1;
        }

        public PathNode? Parent { get; }

        public string Key { get; }

        public int Depth { get; }

        public bool SameAs(PathNode other)
        {
            PathNode? a = this;
            PathNode? b = other;
            while (a is not null && b is not null)
            {
                if (ReferenceEquals(a, b))
                {
                    return true;
                }

                if (a.Depth != b.Depth || a.Key != b.Key)
                {
                    return false;
                }

                a = a.Parent;
                b = b.Parent;
            }

            return a is null && b is null;
        }

        /// <summary>True when <paramref name="path"/> is a strict ancestor of this path.</summary>
        public bool HasStrictPrefix(string[] path)
        {
            if (path.Length >= Depth)
            {
                return false;
            }

            var node = this;
            while (node.Depth > path.Length)
            {
                node = node.Parent!;
            }

            for (var i = path.Length - 1; i >= 0; i--)
            {
                if (node.Key != path[i])
                {
                    return false;
                }

                node = node.Parent!;
            }

            return true;
        }

        public string[] ToArray()
        {
            var result = new string[Depth];
            for (var node = this; node.Depth > 0; node = node.Parent!)
            {
                result[node.Depth - 1] = node.Key;
            }

            return result;
        }
    }

    /// <summary>"While resolving <see cref="Definition"/> of <see cref="Path"/>, hide it and newer definitions."</summary>
    private sealed record Restriction(Restriction? Next, PathNode Path, HoconNode Definition);
}
