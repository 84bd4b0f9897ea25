namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>Where a value or an error comes from: a file (or resource) with line and column, or an environment variable.</summary>
/// <remarks>
/// Every node of a parsed tree carries one, so it is packed into a single <see langword="long"/>
/// (a large tree stays alive until resolved, and its size is what the GC pays for): a description
/// id from a shared table, the line and the column. An origin that does not fit (huge line or
/// column numbers) is kept whole in a side table and the long holds its index, negated.
/// </remarks>
public readonly struct HoconOrigin : IEquatable<HoconOrigin>
{
    private const int ColumnBits = 20;
    private const int LineBits = 24;
    private const int IdBits = 63 - ColumnBits - LineBits;

    // Shared by every loader: descriptions are file paths and resource names, few and reused.
    private static readonly Lock Tables = new();
    private static readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly List<string?> Descriptions = [null];
    private static readonly List<(string? Description, int Line, int Column)> Wide = [];

    private readonly long _packed;

    /// <summary>Creates an origin.</summary>
    public HoconOrigin(string Description, int Line, int Column)
        : this(IdOf(Description), Description, Line, Column)
    {
    }

    private HoconOrigin(int id, string? description, int line, int column)
    {
        if ((uint)line < 1u << LineBits && (uint)column < 1u << ColumnBits && (uint)id < 1u << IdBits)
        {
            _packed = ((long)id << (LineBits + ColumnBits)) | ((long)line << ColumnBits) | (uint)column;
            return;
        }

        lock (Tables)
        {
            Wide.Add((description, line, column));
            _packed = -Wide.Count;
        }
    }

    /// <summary>The file, resource or variable the value comes from.</summary>
    public string Description
    {
        get
        {
            lock (Tables)
            {
                return (_packed < 0 ? Wide[(int)(-_packed - 1)].Description : Descriptions[(int)(_packed >> (LineBits + ColumnBits))])!;
            }
        }
    }

    /// <summary>The line (1-based), or 0 when the origin is a whole file or a variable.</summary>
    public int Line => _packed < 0 ? WideEntry().Line : (int)((_packed >> ColumnBits) & ((1L << LineBits) - 1));

    /// <summary>The column (1-based), or 0.</summary>
    public int Column => _packed < 0 ? WideEntry().Column : (int)(_packed & ((1L << ColumnBits) - 1));

    /// <summary>An origin for a value taken from an environment variable.</summary>
    public static HoconOrigin Environment(string variable) => new("env " + variable, 0, 0);

    /// <summary>The id of a description in the shared table (tokenizers look it up once per file).</summary>
    internal static int IdOf(string? description)
    {
        if (description is null)
        {
            return 0;
        }

        lock (Tables)
        {
            if (!Ids.TryGetValue(description, out var id))
            {
                id = Descriptions.Count;
                Descriptions.Add(description);
                Ids.Add(description, id);
            }

            return id;
        }
    }

    /// <summary>An origin from a description id returned by <see cref="IdOf"/>.</summary>
    internal static HoconOrigin At(int descriptionId, int line, int column)
    {
        if ((uint)line < 1u << LineBits && (uint)column < 1u << ColumnBits && (uint)descriptionId < 1u << IdBits)
        {
            return new(((long)descriptionId << (LineBits + ColumnBits)) | ((long)line << ColumnBits) | (uint)column);
        }

        string? description;
        lock (Tables)
        {
            description = Descriptions[descriptionId];
        }

        return new(descriptionId, description, line, column);
    }

    private HoconOrigin(long packed) => _packed = packed;

    /// <summary>Compares two origins.</summary>
    public static bool operator ==(HoconOrigin left, HoconOrigin right) => left.Equals(right);

    /// <summary>Compares two origins.</summary>
    public static bool operator !=(HoconOrigin left, HoconOrigin right) => !left.Equals(right);

    /// <summary>Deconstructs into description, line and column.</summary>
    public void Deconstruct(out string Description, out int Line, out int Column)
    {
        Description = this.Description;
        Line = this.Line;
        Column = this.Column;
    }

    /// <inheritdoc/>
    public bool Equals(HoconOrigin other) => _packed == other._packed
        || ((_packed < 0 || other._packed < 0) && Line == other.Line && Column == other.Column && string.Equals(Description, other.Description, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HoconOrigin other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Description, Line, Column);

    /// <summary><c>file:line:column</c>, <c>file:line</c> when only the line matters, or the description alone.</summary>
    public override string ToString() => Line <= 0 ? Description : $"{Description}:{Line}:{Column}";

    /// <summary><c>file:line</c> (what <c>config show</c> prints).</summary>
    public string ToShortString() => Line <= 0 ? Description : $"{Description}:{Line}";

    private (string? Description, int Line, int Column) WideEntry()
    {
        lock (Tables)
        {
            return Wide[(int)(-_packed - 1)];
        }
    }
}
