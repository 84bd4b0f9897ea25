namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. In an included file the path is "fixed up" with the
/// include's enclosing path and the original path is tried second (HOCON.md, include semantics).
/// </summary>
internal sealed class HoconSubstitution : HoconDeferred
{
    public HoconSubstitution(string[] path, string[]? originalPath, bool optional, HoconOrigin origin)
        : base(origin)
    {
        Path = path;
        OriginalPath = originalPath;
        Optional = optional;
    }

    public string[] Path { get; }

    /// <summary>The path as written when <see cref="Path"/> was prefixed by an include; otherwise null.</summary>
    public string[]? OriginalPath { get; }

    public bool Optional { get; }

    /// <summary>The path as written, joined with dots: also the environment variable name looked up.</summary>
    public string WrittenName => HoconPath.Render(OriginalPath ?? Path);

    public override string ToString() => (Optional ? "${?" : "${") + WrittenName + "}";
}
