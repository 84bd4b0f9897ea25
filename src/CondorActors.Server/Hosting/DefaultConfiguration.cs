using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Server.Hosting;

/// <summary>
/// The embedded <c>hocon/default.conf</c>: what the server (and <c>config show</c>) use in place of
/// a configuration file when none is named. It belongs to the executable, not to reference.conf:
/// reference.conf lists settings and their defaults (and has no sites), while this is a
/// ready-to-run choice of values for a first try, which any real configuration file replaces.
/// </summary>
internal static class DefaultConfiguration
{
    public const string ResourceName = "default.conf";

    /// <summary>The file's text as a HOCON source named <c>default.conf (embedded)</c>.</summary>
    public static HoconSource Source()
    {
        using var stream = typeof(DefaultConfiguration).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return HoconSource.String(reader.ReadToEnd(), ResourceName + " (embedded)");
    }
}
