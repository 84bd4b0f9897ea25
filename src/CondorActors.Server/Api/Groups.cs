using System.Globalization;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor.Queries;

namespace CondorActors.Server.Api;

/// <summary>
/// htcondor-restd's grouped answers: an object from each value of the group-by attribute to the
/// items having it; items where it is undefined are left out (JSON has no null key). Keys are the
/// values as text (<c>1</c>, <c>true</c>, <c>slot1@vm</c>). The whole answer is gathered before
/// writing (groups need every ad), so these routes honour max-results.
/// </summary>
internal static class Groups
{
    public static async Task<JsonBodyResult> CollectAsync(AdAnswer answer, string groupBy, AdShape shape, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, List<ClassAd>>(StringComparer.Ordinal);
        await using (((IAsyncDisposable)answer).ConfigureAwait(false))
        {
            await foreach (var ad in answer.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (KeyOf(ad.Evaluate(groupBy)) is { } key)
                {
                    if (!groups.TryGetValue(key, out var members))
                    {
                        groups[key] = members = [];
                    }

                    members.Add(ad);
                }
            }
        }

        return new JsonBodyResult(async (writer, flush) =>
        {
            writer.WriteStartObject();
            foreach (var (key, members) in groups)
            {
                writer.WriteStartArray(key);
                foreach (var ad in members)
                {
                    shape.WriteItem(writer, ad);
                    await flush().ConfigureAwait(false);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });
    }

    private static string? KeyOf(ClassAdValue value) => value.Kind switch
    {
        ClassAdValueKind.Undefined or ClassAdValueKind.Error => null,
        ClassAdValueKind.String => value.TryGetString(out var text) ? text : null,
        ClassAdValueKind.Boolean => value.IsTrue ? "true" : "false",
        ClassAdValueKind.Integer => value.TryGetInteger(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null,
        ClassAdValueKind.Real => value.TryGetReal(out var real) ? real.ToString("R", CultureInfo.InvariantCulture) : null,
        _ => value.ToString(),
    };
}
