using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.Condor;

internal static class GatewayTestExtensions
{
    public static async Task<List<ClassAd>> ToListAsync(this IAsyncEnumerable<ClassAd> ads)
    {
        var list = new List<ClassAd>();
        await foreach (var ad in ads)
        {
            list.Add(ad);
        }

        return list;
    }

    public static string JobId(this ClassAd ad) =>
        $"{ad.Evaluate("ClusterId").ToString()}.{ad.Evaluate("ProcId").ToString()}";

    public static string? String(this ClassAd ad, string name) =>
        ad.Evaluate(name).TryGetString(out var value) ? value : null;

    public static long? Integer(this ClassAd ad, string name) =>
        ad.Evaluate(name).TryGetInteger(out var value) ? value : null;
}
