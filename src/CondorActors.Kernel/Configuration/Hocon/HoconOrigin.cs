namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>Where a value or an error comes from: a file (or resource) with line and column, or an environment variable.</summary>
public readonly record struct HoconOrigin(string Description, int Line, int Column)
{
    /// <summary>An origin for a value taken from an environment variable.</summary>
    public static HoconOrigin Environment(string variable) => new("env " + variable, 0, 0);

    /// <summary><c>file:line:column</c>, <c>file:line</c> when only the line matters, or the description alone.</summary>
    public override string ToString() => Line <= 0 ? Description : $"{Description}:{Line}:{Column}";

    /// <summary><c>file:line</c> (what <c>config show</c> prints).</summary>
    public string ToShortString() => Line <= 0 ? Description : $"{Description}:{Line}";
}
