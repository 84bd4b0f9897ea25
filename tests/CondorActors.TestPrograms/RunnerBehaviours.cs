using System.Globalization;
using System.Runtime.InteropServices;

namespace CondorActors.TestPrograms;

/// <summary>Small behaviours the process runner's tests need from a real child process.</summary>
internal static class RunnerBehaviours
{
    /// <summary>Prints each argument on its own line, exactly as received.</summary>
    public static int EchoArgs(string[] args)
    {
        foreach (var arg in args)
        {
            Console.Out.WriteLine(arg);
        }

        return 0;
    }

    /// <summary>Copies stdin to stdout.</summary>
    public static int Cat(string[] args)
    {
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        stdin.CopyTo(stdout);
        return 0;
    }

    /// <summary>Prints NAME=value for each named variable, or NAME unset.</summary>
    public static int PrintEnvironment(string[] args)
    {
        foreach (var name in args)
        {
            var value = Environment.GetEnvironmentVariable(name);
            Console.Out.WriteLine(value is null ? $"{name} unset" : $"{name}={value}");
        }

        return 0;
    }

    public static int PrintWorkingDirectory(string[] args)
    {
        Console.Out.WriteLine(Environment.CurrentDirectory);
        return 0;
    }

    /// <summary><c>fail CODE MESSAGE</c>: prints MESSAGE on stderr and exits with CODE.</summary>
    public static int Fail(string[] args)
    {
        Console.Error.WriteLine(args.Length > 1 ? args[1] : "failed");
        return int.Parse(args[0], CultureInfo.InvariantCulture);
    }

    /// <summary><c>print-bytes N</c>: writes N bytes of 'x' to stdout.</summary>
    public static int PrintBytes(string[] args)
    {
        var remaining = long.Parse(args[0], CultureInfo.InvariantCulture);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        using var stdout = Console.OpenStandardOutput();
        while (remaining > 0)
        {
            var count = (int)Math.Min(chunk.Length, remaining);
            stdout.Write(chunk, 0, count);
            remaining -= count;
        }

        return 0;
    }

    /// <summary><c>lines N [CODE]</c>: N lines alternating stdout/stderr, then exit CODE.</summary>
    public static int Lines(string[] args)
    {
        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var writer = i % 2 == 0 ? Console.Out : Console.Error;
            writer.WriteLine($"line {i}");
            writer.Flush();
        }

        return args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Ignores SIGTERM and waits forever, so only SIGKILL ends it.</summary>
    public static int IgnoreSigterm(string[] args)
    {
        using var registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }
}
