namespace CondorActors.Kernel.Persistence;

/// <summary>A journal that writes through <see cref="JournalWriteQueue"/>; exposes how writes were grouped.</summary>
internal interface IGroupCommitJournal
{
    /// <summary>Transactions written so far; fewer than the writes when group commit works.</summary>
    long FlushCount { get; }
}
