namespace CondorActors.Domain.Condor.Submit;

/// <summary>The keys a submit body may have, and the names no configuration can allow.</summary>
internal static class SubmitKeys
{
    public const string Executable = "executable";
    public const string Arguments = "arguments";
    public const string Input = "input";
    public const string Output = "output";
    public const string Error = "error";
    public const string Log = "log";
    public const string InitialDir = "initialdir";
    public const string RequestCpus = "request_cpus";
    public const string RequestGpus = "request_gpus";
    public const string RequestMemory = "request_memory";
    public const string RequestDisk = "request_disk";
    public const string Count = "count";
    public const string Universe = "universe";
    public const string Environment = "environment";
    public const string TransferInputFiles = "transfer_input_files";
    public const string TransferOutputFiles = "transfer_output_files";
    public const string ShouldTransferFiles = "should_transfer_files";
    public const string WhenToTransferOutput = "when_to_transfer_output";
    public const string Requirements = "requirements";
    public const string Rank = "rank";
    public const string BatchName = "batch_name";
    public const string MaxRetries = "max_retries";
    public const string DockerImage = "docker_image";
    public const string ContainerImage = "container_image";
    public const string Attributes = "attributes";

    public static readonly IReadOnlySet<string> Documented = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Executable, Arguments, Input, Output, Error, Log, InitialDir, RequestCpus, RequestGpus, RequestMemory, RequestDisk,
        Count, Universe, Environment, TransferInputFiles, TransferOutputFiles, ShouldTransferFiles, WhenToTransferOutput,
        Requirements, Rank, BatchName, MaxRetries, DockerImage, ContainerImage, Attributes,
    };

    /// <summary>
    /// Statements of the submit language and commands that would undo the confinement or the
    /// identity attributes: never allowed as extra commands, whatever the configuration says.
    /// </summary>
    private static readonly IReadOnlySet<string> NeverAllowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "queue", "include", "if", "elif", "else", "endif", "error", "warning", "foreach", "for",
        "iwd", "initial_dir", "job_iwd", "cmd", "transfer_executable", "transfer_input", "transfer_output",
        "transfer_output_remaps", "output_destination", "stream_output", "stream_error", "arguments", "args", "env",
        "getenv", "x509userproxy", "use_x509userproxy", "accounting_group_user", "remote_initialdir", "rootdir",
        "job_ad_file", "job_machine_attrs", "submit_event_notes", "spool", "copy_to_spool", "in", "out", "err",
        "dagman_log", "userlog", "hold", "leave_in_queue", "on_exit_remove", "universe",
    };

    public static bool IsAllowableExtraCommand(string name) =>
        ClassAds.ClassAdExpression.IsValidAttributeName(name)
        && !NeverAllowed.Contains(name)
        && !Documented.Contains(name);
}
