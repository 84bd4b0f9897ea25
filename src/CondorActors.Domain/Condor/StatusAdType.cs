namespace CondorActors.Domain.Condor;

/// <summary>Which collector ads a status query asks for (the <c>condor_status</c> ad-type flag).</summary>
public enum StatusAdType
{
    /// <summary>Slot ads (<c>-startd</c>, MyType Machine).</summary>
    Startd,

    /// <summary>Schedd ads (<c>-schedd</c>, MyType Scheduler).</summary>
    Schedd,

    /// <summary>Master ads (<c>-master</c>, MyType DaemonMaster).</summary>
    Master,

    /// <summary>Collector ads (<c>-collector</c>, MyType Collector).</summary>
    Collector,

    /// <summary>Negotiator ads (<c>-negotiator</c>, MyType Negotiator).</summary>
    Negotiator,

    /// <summary>Submitter ads (<c>-submitters</c>, MyType Submitter).</summary>
    Submitter,

    /// <summary>Every ad (<c>-any</c>).</summary>
    Any,
}
