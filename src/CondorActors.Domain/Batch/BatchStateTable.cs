using System.Collections.Frozen;

namespace CondorActors.Domain.Batch;

/// <summary>One row of a batch system's state table: its raw state, our state, and why.</summary>
public sealed record BatchStateMapping(string Raw, BatchJobState State, string Meaning);

/// <summary>
/// A batch system's documented state table: the single place where raw states become
/// <see cref="BatchJobState"/>. A raw state not in the table maps to <see cref="BatchJobState.Unknown"/>.
/// </summary>
public sealed class BatchStateTable
{
    private readonly FrozenDictionary<string, BatchStateMapping> _byRaw;

    public BatchStateTable(string system, IEnumerable<BatchStateMapping> rows, StringComparer? comparer = null)
    {
        System = system;
        Rows = [.. rows];
        _byRaw = Rows.ToFrozenDictionary(r => r.Raw, comparer ?? StringComparer.Ordinal);
    }

    public string System { get; }

    public IReadOnlyList<BatchStateMapping> Rows { get; }

    public BatchJobState Map(string raw) => _byRaw.TryGetValue(raw, out var row) ? row.State : BatchJobState.Unknown;

    public bool Contains(string raw) => _byRaw.ContainsKey(raw);
}
