using System.Text.RegularExpressions;

namespace CondorActors.Domain.Batch;

/// <summary>
/// The mark the controller puts on every job it submits to a site: the job name starts with
/// <c>{tag}-</c> and, where the batch system has a free-text field (Slurm's comment), that field
/// is <c>condoractors:{tag}</c>. The status query selects the controller's jobs by it, so jobs
/// are found again after a restart without any local memory.
/// </summary>
public sealed partial record BatchJobTag
{
    public const string CommentPrefix = "condoractors:";

    public BatchJobTag(string value)
    {
        if (!TagPattern().IsMatch(value))
        {
            throw new ArgumentException(
                $"Batch job tag '{value}' must start with a letter and use only letters, digits, '_' and '.' (at most 24 characters).",
                nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public string NamePrefix => Value + "-";

    public string Comment => CommentPrefix + Value;

    /// <summary>The full batch job name for a request name; both parts use a safe character set.</summary>
    public string JobName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new BatchRequestException(
                $"Job name '{name}' must use only letters, digits, '_', '.' and '-' (1 to 64 characters).");
        }

        return NamePrefix + name;
    }

    /// <summary>True for a job this controller submitted: its comment is ours, or it has none and its name has our prefix.</summary>
    public bool Matches(string? name, string? comment) =>
        comment == Comment || (string.IsNullOrEmpty(comment) && name is not null && name.StartsWith(NamePrefix, StringComparison.Ordinal));

    public override string ToString() => Value;

    // No '-' in the tag: the name prefix ends at the first '-', so one tag cannot be a prefix of another's names.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.]{0,23}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex NamePattern();
}
