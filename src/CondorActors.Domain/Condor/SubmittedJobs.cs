using System.Globalization;

namespace CondorActors.Domain.Condor;

/// <summary>What <c>condor_submit -terse</c> printed: <c>3.0 - 3.2</c>.</summary>
public sealed record SubmittedJobs(int Cluster, int FirstProc, int LastProc)
{
    public int Count => LastProc - FirstProc + 1;

    /// <summary>The ids as a range, <c>3.0-3.2</c> (or <c>3.0</c> for one job): never 100,000 ids.</summary>
    public string JobIds => FirstProc == LastProc
        ? string.Create(CultureInfo.InvariantCulture, $"{Cluster}.{FirstProc}")
        : string.Create(CultureInfo.InvariantCulture, $"{Cluster}.{FirstProc}-{Cluster}.{LastProc}");

    /// <summary>Every id, for clients that ask (<c>?expand=true</c>).</summary>
    public IEnumerable<string> ExpandJobIds() =>
        Enumerable.Range(FirstProc, Count).Select(proc => string.Create(CultureInfo.InvariantCulture, $"{Cluster}.{proc}"));
}
