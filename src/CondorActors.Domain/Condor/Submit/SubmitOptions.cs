namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// What clients may submit; HOCON keys under <c>condoractors.submit</c> (names in parentheses).
/// Every default is the strict one: an admin widens it on purpose.
/// </summary>
public sealed record SubmitOptions
{
    /// <summary>(<c>max-count</c>) Most jobs one request may queue. Default 100,000.</summary>
    public int MaxCount { get; init; } = 100_000;

    /// <summary>
    /// (<c>working-root</c>) Folder under which every principal gets its own working directory
    /// (<c>{root}/{principal}</c>), the job's <c>initialdir</c>. Default <c>{data-dir}/work</c>.
    /// </summary>
    public string WorkingRoot { get; init; } = Path.GetFullPath("./data/work");

    /// <summary>
    /// (<c>allowed-roots</c>) Further absolute folders clients may name in file paths (shared
    /// input data, say). Default none: only the principal's own working directory.
    /// </summary>
    public IReadOnlyList<string> AllowedRoots { get; init; } = [];

    /// <summary>
    /// (<c>allowed-extra-commands</c>) Submit commands, by name, clients may send besides the
    /// documented keys (e.g. <c>accounting_group</c>). Default none. Structural keywords
    /// (<c>queue</c>, <c>include</c>, <c>if</c>, ...) can never be allowed.
    /// </summary>
    public IReadOnlyList<string> AllowedExtraCommands { get; init; } = [];

    /// <summary>
    /// (<c>allowed-universes</c>) Universes clients may ask for. Default vanilla, docker, container:
    /// local and scheduler universe jobs would run on the bridge node itself as the service.
    /// </summary>
    public IReadOnlyList<string> AllowedUniverses { get; init; } = ["vanilla", "docker", "container"];

    /// <summary>(<c>max-body-bytes</c>) Largest submit body read. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>(<c>max-json-depth</c>) Deepest JSON nesting accepted in a body. Default 16.</summary>
    public int MaxJsonDepth { get; init; } = 16;

    /// <summary>(<c>idempotency-window</c>) How long an <c>Idempotency-Key</c> answer is kept. Default 24 h.</summary>
    public TimeSpan IdempotencyWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>(<c>max-concurrent-writes</c>) condor_submit/rm/hold/... commands run at once per schedd. Default 4.</summary>
    public int MaxConcurrentWrites { get; init; } = 4;

    /// <summary>Checks the options; throws naming the setting.</summary>
    public SubmitOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCount, 1, nameof(MaxCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBodyBytes, 1024, nameof(MaxBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxJsonDepth, 4, nameof(MaxJsonDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentWrites, 1, nameof(MaxConcurrentWrites));
        ArgumentOutOfRangeException.ThrowIfLessThan(IdempotencyWindow, TimeSpan.FromMinutes(1), nameof(IdempotencyWindow));
        if (!Path.IsPathRooted(WorkingRoot))
        {
            throw new ArgumentException($"submit.working-root must be an absolute path, not '{WorkingRoot}'.", nameof(WorkingRoot));
        }

        foreach (var root in AllowedRoots)
        {
            if (!Path.IsPathRooted(root) || root.Contains("..", StringComparison.Ordinal))
            {
                throw new ArgumentException($"submit.allowed-roots entry '{root}' must be an absolute path without '..'.", nameof(AllowedRoots));
            }
        }

        foreach (var command in AllowedExtraCommands)
        {
            if (!SubmitKeys.IsAllowableExtraCommand(command))
            {
                throw new ArgumentException($"submit.allowed-extra-commands entry '{command}' cannot be allowed (not a plain command name, a structural keyword, or a documented key).", nameof(AllowedExtraCommands));
            }
        }

        return this;
    }
}
