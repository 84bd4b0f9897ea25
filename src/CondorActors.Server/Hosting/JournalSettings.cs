using CondorActors.Kernel.Configuration.Options;
using StoreOptions = CondorActors.Kernel.Persistence.JournalOptions;

namespace CondorActors.Server.Hosting;

/// <summary>
/// Turns the validated settings (<c>condoractors.data-dir</c>, <c>condoractors.journal.*</c>)
/// into the journal store's options. The stores are registered before the container exists, so
/// they are bound here once, with the same binder and validation as <c>IOptions</c>.
/// </summary>
internal static class JournalSettings
{
    public static StoreOptions From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var root = new CondorActorsOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(CondorActorsOptions.Section), root, errors);
        var journal = new JournalOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(JournalOptions.Section), journal, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join("; ", errors));
        }

        return new StoreOptions
        {
            DataDir = root.DataDir,
            Provider = journal.Provider,
            ConnectionString = journal.ConnectionString is { Length: > 0 } connection ? connection : null,
            GroupCommit = journal.GroupCommit,
        };
    }
}
