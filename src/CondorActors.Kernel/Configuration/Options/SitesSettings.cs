namespace CondorActors.Kernel.Configuration.Options;

/// <summary>The sites glideins are obtained from (<c>condoractors.sites.&lt;name&gt;</c>).</summary>
public sealed class SitesSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:sites";

    /// <summary>Sites by name (kebab-case names are addressable from the environment).</summary>
    public Dictionary<string, SiteSettings> Sites { get; } = new(StringComparer.OrdinalIgnoreCase);
}
