namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Parses and resolves HOCON: files, strings and embedded resources, with includes and
/// substitutions. Several sources are merged in order (later ones override, objects merge), then
/// resolved together, so a file may refer to values of the reference configuration.
/// </summary>
public sealed class HoconLoader
{
    private const int MaxIncludeDepth = 50;

    private readonly Func<string, string?> _environment;
    private readonly Func<string, string?> _resources;

    /// <summary>Creates a loader.</summary>
    /// <param name="environment">Environment lookup for substitution fallback (default: the process environment).</param>
    /// <param name="resources">Embedded resource reader for <c>classpath()</c> includes (default: the Kernel assembly).</param>
    public HoconLoader(Func<string, string?>? environment = null, Func<string, string?>? resources = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _resources = resources ?? ReadKernelResource;
    }

    /// <summary>Parses and resolves HOCON text.</summary>
    public HoconObject ParseString(string text, string name = "string", string? baseDirectory = null) =>
        Load([HoconSource.String(text, name, baseDirectory)]);

    /// <summary>Parses and resolves a file (includes relative to it).</summary>
    public HoconObject ParseFile(string path) => Load([HoconSource.File(path)]);

    /// <summary>Parses every source, merges them in order and resolves the result.</summary>
    public HoconObject Load(IEnumerable<HoconSource> sources)
    {
        var roots = new List<UnresolvedObject>();
        foreach (var source in sources)
        {
            roots.Add(Parse(source));
        }

        return new HoconResolver(roots, _environment).ResolveRoot();
    }

    internal UnresolvedObject Parse(HoconSource source)
    {
        if (source.Text is { } text)
        {
            var document = new HoconDocument(source.Name, source.BaseDirectory ?? Directory.GetCurrentDirectory(), null);
            return HoconParser.ParseDocument(text, document, this, [], []);
        }

        if (source.ResourceName is { } resource)
        {
            var content = _resources(resource) ?? throw new HoconException(new HoconOrigin(resource, 0, 0), $"embedded resource '{resource}' not found");
            return HoconParser.ParseDocument(content, HoconDocument.ForResource(resource), this, [], ["resource:" + resource]);
        }

        var path = source.FilePath!;
        if (!File.Exists(path))
        {
            if (source.Optional)
            {
                return new UnresolvedObject(new HoconOrigin(path, 0, 0));
            }

            throw new HoconException(new HoconOrigin(path, 0, 0), "configuration file not found");
        }

        return HoconParser.ParseDocument(ReadFile(path, new HoconOrigin(path, 0, 0)), HoconDocument.ForFile(path), this, [], ["file:" + Path.GetFullPath(path)]);
    }

    /// <summary>
    /// Loads an included document (HOCON.md, include semantics): files relative to the including
    /// file, a name without extension tries .json then .conf (both merged), a missing target is an
    /// empty object unless required.
    /// </summary>
    internal UnresolvedObject? Include(HoconDocument including, HoconInclude include, string[] prefix, IReadOnlyList<string> stack)
    {
        if (stack.Count >= MaxIncludeDepth)
        {
            throw new HoconException(include.Origin, $"includes nested deeper than {MaxIncludeDepth} levels");
        }

        var candidates = Locate(including, include);
        UnresolvedObject? result = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Read() is not { } found)
            {
                continue;
            }

            if (stack.Contains(found.Key))
            {
                throw new HoconException(include.Origin, $"include cycle: '{found.Document.Name}' is already being included ({string.Join(" -> ", stack)} -> {found.Key})");
            }

            var parsed = HoconParser.ParseDocument(found.Text, found.Document, this, prefix, [.. stack, found.Key]);
            if (result is null)
            {
                result = parsed;
            }
            else
            {
                result.AddAll(parsed);
            }
        }

        if (result is null && include.Required)
        {
            var looked = string.Join(", ", candidates.Select(c => c.Description));
            throw new HoconException(include.Origin, $"required include '{include.Name}' not found (looked for {looked})");
        }

        return result;
    }

    private List<IncludeCandidate> Locate(HoconDocument including, HoconInclude include)
    {
        var name = include.Name;
        var kind = include.Kind;
        if (kind is HoconIncludeKind.Url or HoconIncludeKind.Heuristic && name.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(name, UriKind.Absolute, out var uri))
        {
            if (!uri.IsFile)
            {
                throw new HoconException(include.Origin, $"including URLs is not supported ('{name}'): expected a file name or a file: URL");
            }

            name = uri.LocalPath;
            kind = HoconIncludeKind.File;
        }
        else if (kind == HoconIncludeKind.Url)
        {
            throw new HoconException(include.Origin, $"url(\"{name}\") is not a URL: expected e.g. url(\"file:///etc/x.conf\")");
        }

        // HOCON.md: a name without extension is a basename; every known format is loaded, JSON before HOCON.
        var names = Path.HasExtension(name) ? [name] : new[] { name + ".json", name + ".conf" };
        var result = new List<IncludeCandidate>();
        foreach (var n in names)
        {
            string? file = null;
            if (kind != HoconIncludeKind.Classpath && (including.Directory is not null || Path.IsPathRooted(n)))
            {
                file = Path.GetFullPath(Path.IsPathRooted(n) ? n : Path.Combine(including.Directory!, n));
            }

            // Resources: relative to the including resource's "directory"; a leading '/' means the root.
            string? resource = kind == HoconIncludeKind.File ? null : n.StartsWith('/') ? n[1..] : (including.ResourceDirectory ?? "") + n;
            var description = file ?? "resource " + resource;
            result.Add(new IncludeCandidate(description, () =>
            {
                if (file is not null && File.Exists(file))
                {
                    return ("file:" + file, HoconDocument.ForFile(file), ReadFile(file, include.Origin));
                }

                // HOCON.md: a file that is not found falls back to a resource of the same name.
                return resource is not null && _resources(resource) is { } text
                    ? ("resource:" + resource, HoconDocument.ForResource(resource), text)
                    : null;
            }));
        }

        return result;
    }

    private sealed record IncludeCandidate(string Description, Func<(string Key, HoconDocument Document, string Text)?> Read);

    private static string ReadFile(string path, HoconOrigin origin)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(origin, $"cannot read '{path}': {e.Message}", e);
        }
    }

    /// <summary>Reads an embedded resource of this assembly by logical name (reference.conf is one).</summary>
    internal static string? ReadKernelResource(string name)
    {
        using var stream = typeof(HoconLoader).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
