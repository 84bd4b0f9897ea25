using System.Text.Json.Nodes;
using CondorActors.TestPrograms;

namespace CondorActors.Server.Tests.Glideins.Crash;

/// <summary>
/// What the crash tests put into the fake pool around one glidein, and the state a complete
/// cleanup must leave: the glidein's two slots (one claimed by job 1.0) and its master ad go, job
/// 1.0 becomes Idle without RemoteHost; a slot of another startd, the job running there (2.0) and
/// an idle job (3.0) are not touched.
/// </summary>
internal static class CrashPool
{
    public const string Site = "crash";
    public const string Host = "fakehost";
    public const string GlideinJob = "1.0";
    public const string OtherJob = "2.0";

    public static string Slot(string glideinId, int slot) => $"slot{slot}@glidein_{glideinId}_0@{Host}";

    /// <summary>The glidein's startd comes up with a job on its first slot, beside another startd's.</summary>
    public static void Arrange(FakeCondorPool pool, string glideinId) =>
        pool.Update(
            ads =>
            {
                ads.Add(SlotAd(Slot(glideinId, 1), glideinId, "Claimed", "Busy"));
                ads.Add(SlotAd(Slot(glideinId, 2), glideinId, "Unclaimed", "Idle"));
                ads.Add(new JsonObject
                {
                    ["MyType"] = "DaemonMaster",
                    ["Name"] = $"glidein_{glideinId}_0@{Host}",
                    ["GlideinId"] = glideinId,
                    ["GlideinSite"] = Site,
                });
                ads.AddRange(Untouched().Ads);
            },
            jobs =>
            {
                jobs.Add(Job(1, 2, Slot(glideinId, 1), glideinId));
                jobs.AddRange(Untouched().Jobs);
            });

    /// <summary>The collector and queue after a complete cleanup (exact file contents).</summary>
    public static (string Ads, string Jobs) CleanedUp(string glideinId)
    {
        var (ads, jobs) = Untouched();
        var vacated = Job(1, 1, remoteHost: null, glideinId);
        return (FakeCondorPool.CondorJson(ads), FakeCondorPool.CondorJson([vacated, .. jobs]));
    }

    private static (List<JsonObject> Ads, List<JsonObject> Jobs) Untouched() => (
        [SlotAd($"slot1@other@{Host}", glideinId: null, "Claimed", "Busy")],
        [Job(2, 2, $"slot1@other@{Host}", glideinId: null), Job(3, 1, remoteHost: null, glideinId: null)]);

    private static JsonObject SlotAd(string name, string? glideinId, string state, string activity)
    {
        var ad = new JsonObject
        {
            ["MyType"] = "Machine",
            ["Name"] = name,
            ["State"] = state,
            ["Activity"] = activity,
            ["Start"] = "/Expr(TARGET.RequestMemory <= Memory)/",
        };
        if (glideinId is not null)
        {
            ad["GlideinId"] = glideinId;
            ad["GlideinSite"] = Site;
        }

        return ad;
    }

    /// <summary>A job ad; MachineAttrGlideinId0 as SYSTEM_JOB_MACHINE_ATTRS records it, kept after a vacate like HTCondor does.</summary>
    private static JsonObject Job(int cluster, int status, string? remoteHost, string? glideinId)
    {
        var job = new JsonObject
        {
            ["ClusterId"] = cluster,
            ["ProcId"] = 0,
            ["JobStatus"] = status,
            ["Owner"] = "testuser",
            ["Requirements"] = "/Expr(TARGET.Memory >= 1024)/",
        };
        if (remoteHost is not null)
        {
            job["RemoteHost"] = remoteHost;
        }

        if (glideinId is not null)
        {
            job["MachineAttrGlideinId0"] = glideinId;
        }

        return job;
    }
}
