namespace CondorActors.TestPrograms;

/// <summary>Stand-in programs that process-level tests start as child processes.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "journal-writer":
                return await JournalWriterProgram.RunAsync(args[1..]);
            default:
                await Console.Error.WriteLineAsync("usage: condoractors-testprog <program> [args]; programs: journal-writer");
                return 2;
        }
    }
}
