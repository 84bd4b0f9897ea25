namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Shares the strings of short tokens that repeat (keys, unit names, small numbers, enum-like
/// values): a configuration file writes the same keys again and again, and every string it keeps
/// survives into the resolved tree. A direct-mapped table, so it stays small and bounded; a
/// collision only costs an allocation, never a wrong string.
/// </summary>
internal sealed class HoconStringCache
{
    private const int MaxLength = 32;
    private const int Slots = 512;
    private readonly string?[] _slots = new string?[Slots];

    /// <summary>The builder's text, shared like a token's when it is short.</summary>
    public string Get(System.Text.StringBuilder builder)
    {
        if (builder.Length > MaxLength)
        {
            return builder.ToString();
        }

        Span<char> text = stackalloc char[MaxLength];
        builder.CopyTo(0, text, builder.Length);
        return Get(text[..builder.Length]);
    }

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return new string(text);
        }

        // FNV-1a: cheap for short strings, and the table needs no protection against crafted input.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        ref var slot = ref _slots[hash & (Slots - 1)];
        if (slot is { } cached && text.SequenceEqual(cached))
        {
            return cached;
        }

        var created = new string(text);
        slot = created;
        return created;
    }
}
