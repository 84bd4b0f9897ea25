using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Authentication (<c>condoractors.auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:auth";

    /// <summary>Allow read endpoints without a token. Default false.</summary>
    [ConfigurationKeyName("anonymous-read")]
    public bool AnonymousRead { get; set; }
}
