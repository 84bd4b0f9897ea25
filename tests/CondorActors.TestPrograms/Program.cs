namespace CondorActors.TestPrograms;

/// <summary>
/// Stand-in programs that process-level tests start as child processes:
/// <c>condoractors-testprog NAME [ARGS]</c>. Each program is a small static method.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<string[], int>> Programs = new(StringComparer.Ordinal)
    {
        ["echo-args"] = RunnerBehaviours.EchoArgs,
        ["cat"] = RunnerBehaviours.Cat,
        ["env"] = RunnerBehaviours.PrintEnvironment,
        ["cwd"] = RunnerBehaviours.PrintWorkingDirectory,
        ["fail"] = RunnerBehaviours.Fail,
        ["print-bytes"] = RunnerBehaviours.PrintBytes,
        ["lines"] = RunnerBehaviours.Lines,
        ["ignore-sigterm"] = RunnerBehaviours.IgnoreSigterm,
        ["bridge-half"] = GlideinHalves.BridgeHalf,
        ["hpc-half"] = GlideinHalves.HpcHalf,
        ["fake-condor-q"] = FakeCondor.CondorQ,
        ["fake-condor-tool"] = FakeCondorTools.RunByPath,
        ["journal-writer"] = JournalWriterProgram.Run,
        ["persistent-actor-writer"] = PersistentActorWriterProgram.Run,
    };

    public static int Main(string[] args)
    {
        // Started through a link named condor_x (a fake pool's bin folder): that tool, with all arguments.
        if (FakeCondorTools.InvokedAs() is { } tool)
        {
            return FakeCondorTools.Run(tool, args);
        }

        if (args.Length == 0 || !Programs.TryGetValue(args[0], out var program))
        {
            Console.Error.WriteLine($"usage: condoractors-testprog <{string.Join('|', Programs.Keys)}> [args]");
            return 2;
        }

        return program(args[1..]);
    }
}
