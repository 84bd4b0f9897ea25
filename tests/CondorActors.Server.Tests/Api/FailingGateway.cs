using System.Runtime.CompilerServices;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Api;

/// <summary>A gateway decorator whose reads throw <see cref="Failure"/>, or hang until cancelled when it is null.</summary>
internal sealed class FailingGateway(ICondorGateway inner, Exception? failure) : ICondorGateway
{
    public CondorBackendKind Backend => inner.Backend;

    public IAsyncEnumerable<ClassAd> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default) => FailAsync(cancellationToken);

    public IAsyncEnumerable<ClassAd> QueryHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default) => FailAsync(cancellationToken);

    public IAsyncEnumerable<ClassAd> QueryStatusAsync(StatusQuery query, CancellationToken cancellationToken = default) => FailAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> GetConfigAsync(ConfigQuery query, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        throw failure ?? new InvalidOperationException("unreachable");
    }

    private async IAsyncEnumerable<ClassAd> FailAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (failure is not null)
        {
            await Task.Yield();
            throw failure;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        yield break;
    }
}
