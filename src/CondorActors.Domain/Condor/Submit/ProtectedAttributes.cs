namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// Job attributes clients cannot set through <c>attributes</c>: those HTCondor owns (identity,
/// state, accounting), those that would undo the confinement or bypass validation of a documented
/// key (<c>Iwd</c>, <c>Cmd</c>, <c>Out</c>, <c>TransferOutputRemaps</c>, <c>Requirements</c>, ...),
/// and anything starting with the controller's own prefix <c>CondorActors</c>. Case-insensitive,
/// as ClassAd attribute names are.
/// </summary>
internal static class ProtectedAttributes
{
    /// <summary>Prefix of the attributes the controller itself sets (request id, submitter).</summary>
    public const string ControllerPrefix = "CondorActors";

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        // Identity, ownership and accounting.
        "Owner", "User", "NTDomain", "ClusterId", "ProcId", "GlobalJobId", "QDate", "MyType", "TargetType",
        "AccountingGroup", "AcctGroup", "AcctGroupUser", "NiceUser", "SubmitterGlobalJobId", "DAGManJobId",
        "x509userproxy", "x509UserProxySubject", "x509UserProxyVOName", "x509UserProxyFQAN", "x509UserProxyEmail",
        // State the schedd keeps.
        "JobStatus", "LastJobStatus", "EnteredCurrentStatus", "RemoteHost", "LastRemoteHost", "HoldReason",
        "HoldReasonCode", "HoldReasonSubCode", "ReleaseReason", "RemoveReason", "CompletionDate", "JobStartDate",
        "JobCurrentStartDate", "ExitCode", "ExitStatus", "ExitBySignal", "ExitSignal", "NumJobStarts",
        "NumShadowStarts", "JobRunCount", "RemoteWallClockTime", "ServerTime", "ShadowBday", "StartdPrincipal",
        "TotalSubmitProcs", "ClaimId", "PublicClaimId",
        // Files, program and environment: set only through the validated keys.
        "Iwd", "Cmd", "Args", "Arguments", "Env", "Environment", "In", "Out", "Err", "UserLog", "DAGManNodesLog",
        "TransferIn", "TransferInput", "TransferOutput", "TransferOutputRemaps", "TransferExecutable",
        "TransferErr", "TransferOut", "ShouldTransferFiles", "WhenToTransferOutput", "OutputDestination",
        "StreamOut", "StreamErr", "RootDir", "JobUniverse", "Requirements", "Rank", "RequestCpus", "RequestMemory",
        "RequestDisk", "RequestGpus", "JobBatchName", "DockerImage", "ContainerImage", "WantDocker",
        "SUBMIT_Iwd", "SUBMIT_Cmd", "SUBMIT_TransferOutputRemaps", "GetEnv", "SpooledOutputFiles",
    };

    /// <summary>Why the name cannot be set, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.StartsWith(ControllerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"attributes starting with '{ControllerPrefix}' are set by the controller";
        }

        return Names.Contains(name) ? $"'{name}' is owned by HTCondor or set through a documented key, and cannot be set" : null;
    }
}
