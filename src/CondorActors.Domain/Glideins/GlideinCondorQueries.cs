using System.Globalization;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The constraints glidein operations use, shared by the simulated and command-line
/// implementations so both select exactly the same ads. Glidein ids and site names are
/// restricted to safe characters; they are still written as escaped ClassAd string literals, so
/// no value can ever change the shape of an expression.
/// </summary>
public static class GlideinCondorQueries
{
    public static readonly IReadOnlyList<string> SlotProjection = ["Name", "GlideinId", "GlideinSite", "State", "Activity"];

    public static readonly IReadOnlyList<string> JobProjection = ["ClusterId", "ProcId", "JobStatus", "RemoteHost"];

    /// <summary>Requirements of the INVALIDATE_STARTD_ADS query ad: every ad of the glidein (slots and daemon ads).</summary>
    public static string SelectGlidein(string glideinId) => $"GlideinId == {Literal(glideinId)}";

    /// <summary>Slot ads of a site's glideins, or of one.</summary>
    public static string SlotsOf(string site, string? glideinId) =>
        glideinId is null
            ? $"GlideinSite =?= {Literal(site)}"
            : $"GlideinSite =?= {Literal(site)} && GlideinId =?= {Literal(glideinId)}";

    /// <summary>
    /// Jobs running on (or still holding a RemoteHost at) one of the glidein's startds, whose names
    /// are <c>glidein_{id}_{node}</c>, so slots are <c>slotN@glidein_{id}_{node}@host</c>. Jobs that
    /// already matched also carry MachineAttrGlideinId0 (SYSTEM_JOB_MACHINE_ATTRS).
    /// </summary>
    public static string JobsOn(string glideinId) =>
        $"(RemoteHost =!= undefined && regexp({Literal("@glidein_" + glideinId + "_[0-9]+@")}, RemoteHost)) || (JobStatus == 2 && MachineAttrGlideinId0 =?= {Literal(glideinId)})";

    public static string JobsById(IEnumerable<CondorJobId> ids) =>
        string.Join(" || ", ids.Select(id => string.Create(CultureInfo.InvariantCulture, $"(ClusterId == {id.Cluster} && ProcId == {id.Proc})")));

    public static GlideinJob ToJob(ClassAd ad)
    {
        ad.Evaluate("ClusterId").TryGetInteger(out var cluster);
        ad.Evaluate("ProcId").TryGetInteger(out var proc);
        ad.Evaluate("JobStatus").TryGetInteger(out var status);
        var remoteHost = ad.Evaluate("RemoteHost").TryGetString(out var host) ? host : null;
        return new GlideinJob(new CondorJobId((int)cluster, (int)proc), (CondorJobStatus)status, remoteHost);
    }

    /// <summary>
    /// The query ad <c>condor_advertise INVALIDATE_*_ADS</c> reads: <c>MyType = "Query"</c>, the
    /// target ad type (<c>Machine</c> for startd ads, <c>DaemonMaster</c> for master ads) and
    /// Requirements selecting every ad of the glidein. The collector picks the table by the
    /// command and removes the ads the Requirements match (recorded: step7_15/17/19 in the fixtures).
    /// </summary>
    public static string InvalidationQueryAd(string glideinId, string targetType) =>
        $"MyType = \"Query\"\nTargetType = {Literal(targetType)}\nRequirements = {SelectGlidein(glideinId)}\n";

    private static string Literal(string value) => ClassAdLiteral.Quote(value);
}
