namespace CondorActors.TestPrograms;

/// <summary>Stand-in programs that process-level tests start as child processes.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: condoractors-testprog <program> [args]");
        return args.Length == 0 ? 2 : 2;
    }
}
