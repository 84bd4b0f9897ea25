using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>
/// Root settings (<c>condoractors { ... }</c>). Naming rule: a <c>*Settings</c> class is what the
/// HOCON configuration binds (mutable, kebab-case keys); the components take immutable
/// <c>*Options</c> records created from these in one place (the server's <c>RuntimeOptions</c>
/// and <c>BatchSystemFactory</c>).
/// </summary>
public sealed class CondorActorsSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors";

    /// <summary>Directory for the SQLite journal, glidein directories and state. Default <c>./data</c>.</summary>
    [ConfigurationKeyName("data-dir")]
    public string DataDir { get; set; } = "./data";
}
