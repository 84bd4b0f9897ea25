using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Simulated;

/// <summary>
/// Ads recorded on a real HTCondor 8.7.10 pool, parsed once and cloned for every simulated ad so
/// that simulated answers carry the same attributes (and expressions) real ones do. The
/// templates are never mutated after parsing, so clones may be taken on any thread.
/// </summary>
internal static partial class SimulatedAdTemplates
{
    private static readonly Lazy<ClassAd> JobTemplate = new(() => Parse(RecordedJobJson));
    private static readonly Lazy<ClassAd> SlotTemplate = new(() => Parse(RecordedSlotJson));
    private static readonly Lazy<ClassAd> ScheddTemplate = new(() => Parse(RecordedScheddJson));
    private static readonly Lazy<ClassAd> CollectorTemplate = new(() => Parse(RecordedCollectorJson));
    private static readonly Lazy<ClassAd> MasterTemplate = new(() => Parse(RecordedMasterJson));
    private static readonly Lazy<ClassAd> NegotiatorTemplate = new(() => Parse(RecordedNegotiatorJson));

    /// <summary>An idle vanilla job ad; the pool overrides ids, owner, status and times.</summary>
    public static ClassAd Job => JobTemplate.Value;

    /// <summary>A static, unclaimed slot named <paramref name="name"/> on <paramref name="machine"/>.</summary>
    public static ClassAd Slot(string name, string machine, int slotId, int totalSlots)
    {
        var ad = SlotTemplate.Value.Clone();
        ad.Set("Name", ClassAdValue.FromString(name));
        ad.Set("Machine", ClassAdValue.FromString(machine));
        ad.Set("SlotID", ClassAdValue.FromInteger(slotId));
        ad.Set("TotalSlots", ClassAdValue.FromInteger(totalSlots));
        return ad;
    }

    public static ClassAd Schedd(string host) => Daemon(ScheddTemplate.Value, host, host);

    public static ClassAd Collector(string host) => Daemon(CollectorTemplate.Value, host, host);

    public static ClassAd Master(string host) => Daemon(MasterTemplate.Value, host, host);

    public static ClassAd Negotiator(string host) => Daemon(NegotiatorTemplate.Value, host, host);

    private static ClassAd Daemon(ClassAd template, string name, string machine)
    {
        var ad = template.Clone();
        ad.Set("Name", ClassAdValue.FromString(name));
        if (ad.Contains("Machine"))
        {
            ad.Set("Machine", ClassAdValue.FromString(machine));
        }

        return ad;
    }

    private static ClassAd Parse(string json)
    {
        // Expressions parsed now: the template is then read-only and its clones share the trees.
        return ClassAdJson.ParseAd(json, new ClassAdJsonReadOptions { ParseExpressionsEagerly = true });
    }
}
