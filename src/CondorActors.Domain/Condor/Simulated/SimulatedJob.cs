using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Simulated;

/// <summary>
/// One job of the simulated queue or history, kept compact (a shared template plus the fields
/// that change) and turned into a full ad only when a query reaches it, so 100,000 seeded jobs
/// cost a few megabytes. Immutable: a status change replaces the record.
/// </summary>
internal sealed record SimulatedJob(
    CondorJobId Id,
    ClassAd Template,
    bool Imported,
    string Owner,
    CondorJobStatus Status,
    long QDate,
    long EnteredCurrentStatus,
    string? RemoteHost = null,
    string? HoldReason = null,
    long? CompletionDate = null,
    int? ExitCode = null,
    CondorJobStatus? LastStatus = null)
{
    /// <summary>The full ad. Imported ads (recordings) keep their own attributes; generated ones get real-looking ones.</summary>
    public ClassAd ToClassAd(string scheddHost, string domain)
    {
        var ad = Template.Clone();
        ad.Set("ClusterId", ClassAdValue.FromInteger(Id.Cluster));
        ad.Set("ProcId", ClassAdValue.FromInteger(Id.Proc));
        ad.Set("Owner", ClassAdValue.FromString(Owner));
        ad.Set("JobStatus", ClassAdValue.FromInteger((int)Status));
        ad.Set("QDate", ClassAdValue.FromInteger(QDate));
        ad.Set("EnteredCurrentStatus", ClassAdValue.FromInteger(EnteredCurrentStatus));
        if (!Imported)
        {
            ad.Set("User", ClassAdValue.FromString($"{Owner}@{domain}"));
            ad.Set("GlobalJobId", ClassAdValue.FromString($"{scheddHost}#{Id}#{QDate}"));
            ad.Set("Out", ClassAdValue.FromString($"job.{Id}.out"));
            ad.Set("Err", ClassAdValue.FromString($"job.{Id}.err"));
        }

        if (LastStatus is { } last)
        {
            ad.Set("LastJobStatus", ClassAdValue.FromInteger((int)last));
        }

        SetOrRemove(ad, "RemoteHost", RemoteHost);
        SetOrRemove(ad, "HoldReason", HoldReason);
        if (HoldReason is not null)
        {
            // 1: held by a user (condor_hold), the code the write API's holds produce.
            ad.Set("HoldReasonCode", ClassAdValue.FromInteger(1));
        }
        else
        {
            ad.Remove("HoldReasonCode");
        }

        if (CompletionDate is { } completed)
        {
            ad.Set("CompletionDate", ClassAdValue.FromInteger(completed));
        }

        if (ExitCode is { } exitCode)
        {
            ad.Set("ExitCode", ClassAdValue.FromInteger(exitCode));
        }

        return ad;
    }

    /// <summary>The job as recorded in <paramref name="ad"/> (a condor_q or condor_history ad).</summary>
    public static SimulatedJob FromRecordedAd(ClassAd ad)
    {
        var id = new CondorJobId((int)Integer(ad, "ClusterId"), (int)Integer(ad, "ProcId"));
        var status = (CondorJobStatus)Integer(ad, "JobStatus", (int)CondorJobStatus.Idle);
        return new SimulatedJob(
            id,
            ad.Clone(),
            Imported: true,
            ad.Evaluate("Owner").TryGetString(out var owner) ? owner : "unknown",
            status,
            Integer(ad, "QDate"),
            Integer(ad, "EnteredCurrentStatus"),
            ad.Evaluate("RemoteHost").TryGetString(out var remoteHost) ? remoteHost : null,
            ad.Evaluate("HoldReason").TryGetString(out var holdReason) ? holdReason : null);
    }

    private static long Integer(ClassAd ad, string name, long fallback = 0) =>
        ad.Evaluate(name).TryGetInteger(out var value) ? value : fallback;

    private static void SetOrRemove(ClassAd ad, string name, string? value)
    {
        if (value is null)
        {
            ad.Remove(name);
        }
        else
        {
            ad.Set(name, ClassAdValue.FromString(value));
        }
    }
}
