namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>One input of a configuration: a file, a string, or an embedded resource.</summary>
public sealed record HoconSource
{
    private HoconSource(string name)
    {
        Name = name;
    }

    /// <summary>Display name used in origins and errors.</summary>
    public string Name { get; }

    /// <summary>Path of a file source.</summary>
    public string? FilePath { get; private init; }

    /// <summary>Text of a string source.</summary>
    public string? Text { get; private init; }

    /// <summary>Name of an embedded resource source.</summary>
    public string? ResourceName { get; private init; }

    /// <summary>When true a missing file is an empty object; otherwise an error.</summary>
    public bool Optional { get; private init; }

    /// <summary>Directory relative includes of a string source are looked up in (default: current directory).</summary>
    public string? BaseDirectory { get; private init; }

    /// <summary>A file; relative includes are looked up next to it.</summary>
    public static HoconSource File(string path, bool optional = false) => new(path) { FilePath = path, Optional = optional };

    /// <summary>HOCON text with a display name.</summary>
    public static HoconSource String(string text, string name = "string", string? baseDirectory = null) =>
        new(name) { Text = text, BaseDirectory = baseDirectory };

    /// <summary>An embedded resource of the Kernel assembly (e.g. <c>reference.conf</c>).</summary>
    public static HoconSource Resource(string name) => new(name) { ResourceName = name };
}
