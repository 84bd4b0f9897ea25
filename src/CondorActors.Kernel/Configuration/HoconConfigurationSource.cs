using CondorActors.Kernel.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration;

/// <summary>
/// HOCON sources loaded as ONE provider: the sources are merged in order and resolved together,
/// so an operator's file may refer to reference defaults (<c>${condoractors.data-dir}</c>).
/// </summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>The inputs, lowest precedence first (typically the embedded reference.conf, then a file).</summary>
    public IList<HoconSource> Sources { get; } = [];

    /// <summary>Environment lookup for <c>${X}</c> fallback (default: the process environment).</summary>
    public Func<string, string?>? Environment { get; set; }

    /// <inheritdoc/>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
