using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Root settings (<c>condoractors { ... }</c>).</summary>
public sealed class CondorActorsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors";

    /// <summary>Directory for the SQLite journal, glidein directories and state. Default <c>./data</c>.</summary>
    [ConfigurationKeyName("data-dir")]
    public string DataDir { get; set; } = "./data";
}
