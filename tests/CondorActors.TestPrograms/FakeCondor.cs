using System.Globalization;

namespace CondorActors.TestPrograms;

/// <summary>
/// A <c>condor_q -json</c> stand-in: <c>fake-condor-q MODE [condor_q arguments...]</c>. Modes:
/// <c>jobs:N</c> streams N job ads as condor_q 8.7 prints them (nothing at all for N = 0);
/// <c>unreachable</c> prints condor_status's recorded collector failure and exits 1;
/// <c>hang</c> never answers. The condor_q arguments are echoed to stderr, one per line.
/// </summary>
internal static class FakeCondor
{
    public static int CondorQ(string[] args)
    {
        foreach (var arg in args.Skip(1))
        {
            Console.Error.WriteLine($"arg: {arg}");
        }

        var mode = args.Length > 0 ? args[0] : "jobs:0";
        if (mode == "hang")
        {
            Thread.Sleep(Timeout.Infinite);
        }

        if (mode == "unreachable")
        {
            Console.Error.WriteLine("Error: communication error");
            Console.Error.WriteLine("CEDAR:6001:Failed to connect to <127.0.0.1:1>");
            return 1;
        }

        var count = int.Parse(mode["jobs:".Length..], CultureInfo.InvariantCulture);
        using var stdout = new StreamWriter(Console.OpenStandardOutput());
        for (var i = 0; i < count; i++)
        {
            stdout.Write(i == 0 ? "[\n" : ",\n");
            stdout.Write(string.Create(CultureInfo.InvariantCulture, $"{{\n  \"ClusterId\": {(i / 100) + 1},\n  \"ProcId\": {i % 100},\n  \"JobStatus\": 1,\n  \"Owner\": \"testuser\",\n  \"Requirements\": \"\\/Expr(TARGET.Memory >= 1024)\\/\"\n}}\n"));
        }

        if (count > 0)
        {
            stdout.Write("]\n");
        }

        return 0;
    }
}
