using System.Collections.Immutable;

namespace CondorActors.Kernel.Processes;

/// <summary>
/// An immutable description of one program run: argv only, never a shell. Build it with the
/// <c>With...</c> methods; run it with <see cref="IProcessRunner"/>.
/// </summary>
public sealed record ProcessCommand
{
    /// <summary>Default cap on buffered stdout and stderr together (16 MiB).</summary>
    public const long DefaultOutputLimitBytes = 16L * 1024 * 1024;

    public ProcessCommand(string program, IEnumerable<string>? arguments = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        Program = program;
        Arguments = arguments?.ToImmutableArray() ?? [];
    }

    public string Program { get; init; }

    public ImmutableArray<string> Arguments { get; init; }

    /// <summary>Text written to the program's stdin, which is then closed. Null: stdin is closed at once.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Variables to set (a null value removes the variable) on top of the parent's environment.</summary>
    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    public string? WorkingDirectory { get; init; }

    /// <summary>Kill the process tree and fail with <see cref="ProcessTimeoutException"/> after this long.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long a cancelled or timed-out tree gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Buffered stdout + stderr beyond this many bytes kills the tree and fails the run.</summary>
    public long OutputLimitBytes { get; init; } = DefaultOutputLimitBytes;

    /// <summary>When true (the default) a non-zero exit throws <see cref="ProcessExitException"/>.</summary>
    public bool ThrowOnNonZeroExit { get; init; } = true;

    /// <summary>Values replaced by <c>***</c> wherever the command line is shown (errors, logs).</summary>
    public ImmutableArray<string> Secrets { get; init; } = [];

    public ProcessCommand WithArguments(params IEnumerable<string> arguments) => this with { Arguments = arguments.ToImmutableArray() };

    public ProcessCommand WithStandardInput(string? text) => this with { StandardInput = text };

    public ProcessCommand WithEnvironment(string name, string? value) => this with { Environment = Environment.SetItem(name, value) };

    public ProcessCommand WithWorkingDirectory(string? directory) => this with { WorkingDirectory = directory };

    public ProcessCommand WithTimeout(TimeSpan? timeout) => this with { Timeout = timeout };

    public ProcessCommand WithKillGracePeriod(TimeSpan grace) => this with { KillGracePeriod = grace };

    public ProcessCommand WithOutputLimit(long bytes) => this with { OutputLimitBytes = bytes };

    public ProcessCommand WithValidation(bool throwOnNonZeroExit) => this with { ThrowOnNonZeroExit = throwOnNonZeroExit };

    /// <summary>Marks a value (a token, a password) that must never appear in shown command lines.</summary>
    public ProcessCommand WithSecret(string secret) => string.IsNullOrEmpty(secret) ? this : this with { Secrets = Secrets.Add(secret) };

    /// <summary>The command line as a person would type it, with secrets redacted: for errors and logs only.</summary>
    public string DisplayCommandLine => CommandLineFormatter.Format(this);

    public override string ToString() => DisplayCommandLine;
}
