using CondorActors.Kernel.Persistence;

namespace CondorActors.Server.Hosting;

/// <summary>Reads the journal's settings (<c>condoractors.data-dir</c>, <c>condoractors.journal.*</c>).</summary>
internal static class JournalSettings
{
    public static JournalOptions From(IConfiguration configuration)
    {
        var options = new JournalOptions();
        var root = configuration.GetSection("condoractors");
        options.DataDir = root["data-dir"] ?? options.DataDir;
        var journal = root.GetSection("journal");
        options.Provider = journal["provider"] ?? options.Provider;
        options.ConnectionString = journal["connection-string"] is { Length: > 0 } connection ? connection : null;
        if (journal["group-commit"] is { } groupCommit)
        {
            options.GroupCommit = bool.Parse(groupCommit);
        }

        return options;
    }
}
