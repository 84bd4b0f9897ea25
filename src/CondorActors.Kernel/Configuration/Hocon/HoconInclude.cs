namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>How an include names its target (HOCON.md, include syntax).</summary>
internal enum HoconIncludeKind
{
    /// <summary><c>include "x"</c>: a file next to the including one, else an embedded resource.</summary>
    Heuristic,

    /// <summary><c>include file("x")</c>.</summary>
    File,

    /// <summary><c>include classpath("x")</c>: an embedded resource of the Kernel assembly.</summary>
    Classpath,

    /// <summary><c>include url("x")</c>: only <c>file:</c> URLs are supported.</summary>
    Url,
}

internal readonly record struct HoconInclude(HoconIncludeKind Kind, string Name, bool Required, HoconOrigin Origin);

/// <summary>What is being parsed: its display name, and where relative includes are looked up.</summary>
internal sealed record HoconDocument(string Name, string? Directory, string? ResourceDirectory)
{
    public static HoconDocument ForFile(string path) => new(path, Path.GetDirectoryName(Path.GetFullPath(path)), null);

    public static HoconDocument ForResource(string name)
    {
        var slash = name.LastIndexOf('/');
        return new(name, null, slash < 0 ? "" : name[..(slash + 1)]);
    }
}
