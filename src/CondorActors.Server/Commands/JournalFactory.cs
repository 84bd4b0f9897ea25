using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Commands;

/// <summary>
/// The journal of a configuration outside the web host (admin commands): the same registration
/// the server uses, in a small container whose disposal flushes and closes the store.
/// </summary>
internal sealed class JournalFactory : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private JournalFactory(ServiceProvider provider)
    {
        _provider = provider;
        Journal = provider.GetRequiredService<IJournal>();
    }

    public IJournal Journal { get; }

    public static JournalFactory Open(JournalOptions options) =>
        new(new ServiceCollection().AddJournal(options).BuildServiceProvider());

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
