using System.Globalization;
using System.Text.Json.Nodes;
using CondorActors.Domain.ClassAds;

namespace CondorActors.TestPrograms;

/// <summary>
/// HTCondor 8.7 command-line tools over a <see cref="FakeCondorPool"/>, answering in the recorded
/// formats and exit codes (fixtures/condor/raw) so the controller's real CLI parsing runs. Started
/// through a link <c>ROOT/bin/condor_x</c> to this program (the name it was started by picks the
/// tool, see <see cref="InvokedAs"/>), or as <c>condoractors-testprog fake-condor-tool ROOT/bin/condor_x ARGS</c>.
/// Every run is logged first; a run may block (<see cref="FakeCondorPool.Block"/>).
/// </summary>
internal static class FakeCondorTools
{
    /// <summary>
    /// The path this process was started by (argv[0] from /proc/self/cmdline) when it names a fake
    /// tool: the .NET host resolves links to find the program, so only the kernel still knows it.
    /// </summary>
    public static string? InvokedAs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var commandLine = File.ReadAllText("/proc/self/cmdline");
        var argv0 = commandLine.Split('\0')[0];
        return FakeCondorPool.Tools.Contains(Path.GetFileName(argv0)) ? argv0 : null;
    }

    /// <summary><c>fake-condor-tool ROOT/bin/condor_x ARGS</c>.</summary>
    public static int RunByPath(string[] args) =>
        args.Length == 0 ? Usage() : Run(args[0], args[1..]);

    public static int Run(string toolPath, string[] args)
    {
        var pool = FakeCondorPool.OfTool(toolPath);
        var tool = Path.GetFileName(toolPath);
        pool.LogInvocation(tool, args);
        return tool switch
        {
            "condor_status" => Query(pool, tool, args, jobs: false),
            "condor_q" => Query(pool, tool, args, jobs: true),
            "condor_advertise" => Advertise(pool, args),
            "condor_vacate_job" => Vacate(pool, args),
            "condor_version" => Version(),
            _ => Usage(),
        };
    }

    /// <summary>
    /// <c>condor_status -json -startd|-master|-any [-pool P] [-constraint C] [-attributes A,B]</c> and
    /// <c>condor_q -json -allusers [-pool P] [-name S] [-constraint C] [-attributes A,B] [CLUSTER[.PROC]]</c>.
    /// </summary>
    private static int Query(FakeCondorPool pool, string tool, string[] args, bool jobs)
    {
        string? constraint = null;
        string[]? projection = null;
        string? myType = jobs ? null : "Machine";
        string? jobId = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-json" or "-allusers":
                    break;
                case "-pool" or "-name":
                    i++;
                    break;
                case "-constraint":
                    constraint = args[++i];
                    break;
                case "-attributes":
                    projection = args[++i].Split(',');
                    break;
                case "-startd":
                    myType = "Machine";
                    break;
                case "-master":
                    myType = "DaemonMaster";
                    break;
                case "-any":
                    myType = null;
                    break;
                case var id when jobs && id.Length > 0 && char.IsAsciiDigit(id[0]):
                    jobId = id;
                    break;
                default:
                    Console.Error.WriteLine($"{tool}: unsupported argument {args[i]} (fake)");
                    return 2;
            }
        }

        ClassAdExpr? filter;
        try
        {
            filter = constraint is null ? null : ClassAdExpr.Parse(constraint);
        }
        catch (ClassAdParseException)
        {
            // Recorded: "-- Parse error in constraint expression ...", exit 1.
            Console.Error.WriteLine($"-- Parse error in constraint expression \"{constraint}\"");
            return 1;
        }

        var (ads, queue) = pool.Read();
        var selected = (jobs ? queue : ads)
            .Where(ad => Matches(ad, myType, jobId, filter))
            .Select(ad => Project(ad, projection))
            .ToList();
        Console.Out.Write(FakeCondorPool.CondorJson(selected));
        return 0;
    }

    /// <summary>
    /// <c>condor_advertise [-pool P] INVALIDATE_STARTD_ADS|INVALIDATE_MASTER_ADS FILE</c>: removes the
    /// ads of that type the query ad's Requirements match and prints "Sent 1 of 1 ad to ..." with
    /// exit 0 whether or not anything matched (recorded: step7_15/17/19).
    /// </summary>
    private static int Advertise(FakeCondorPool pool, string[] args)
    {
        var rest = args.Length > 2 && args[0] == "-pool" ? args[2..] : args;
        if (rest.Length != 2 || rest[0] is not ("INVALIDATE_STARTD_ADS" or "INVALIDATE_MASTER_ADS"))
        {
            Console.Error.WriteLine("condor_advertise: unsupported arguments (fake)");
            return 2;
        }

        // The query ad is old ClassAd syntax, one "Name = expression" a line.
        var lines = File.ReadAllLines(rest[1]).Where(l => l.Trim().Length > 0);
        var query = ClassAd.Parse("[" + string.Join(";", lines) + "]");
        var requirements = query["Requirements"] ?? throw new InvalidOperationException("query ad without Requirements");
        var myType = rest[0] == "INVALIDATE_STARTD_ADS" ? "Machine" : "DaemonMaster";
        pool.WaitIfBlocked("condor_advertise", FakeCondorBlockPhase.Before, args);
        pool.Update(ads => ads.RemoveAll(ad => Matches(ad, myType, jobId: null, requirements)), _ => { });
        pool.WaitIfBlocked("condor_advertise", FakeCondorBlockPhase.After, args);
        Console.Out.WriteLine("Sent 1 of 1 ad to 127.0.0.1:9618.");
        return 0;
    }

    /// <summary>
    /// <c>condor_vacate_job [-pool P] [-name S] ID...</c>: a running job goes Idle without RemoteHost
    /// ("Job 5.1 vacated"); otherwise "Job 9.1 not running to be vacated" or "Job 99999.0 not found"
    /// on stderr and exit 1 (recorded: condor_vacate_job_5.1, step7C_09, condor_vacate_job_99999.0).
    /// </summary>
    private static int Vacate(FakeCondorPool pool, string[] args)
    {
        var ids = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-pool" or "-name")
            {
                i++;
            }
            else
            {
                ids.Add(args[i]);
            }
        }

        pool.WaitIfBlocked("condor_vacate_job", FakeCondorBlockPhase.Before, args);
        var outcomes = new List<(string Id, string? Error)>();
        pool.Update(_ => { }, queue =>
        {
            foreach (var id in ids)
            {
                var job = queue.FirstOrDefault(j => IdOf(j) == id);
                if (job is null)
                {
                    outcomes.Add((id, "not found"));
                }
                else if ((int?)job["JobStatus"] != 2)
                {
                    outcomes.Add((id, "not running to be vacated"));
                }
                else
                {
                    job["JobStatus"] = 1;
                    job.Remove("RemoteHost");
                    outcomes.Add((id, null));
                }
            }
        });
        pool.WaitIfBlocked("condor_vacate_job", FakeCondorBlockPhase.After, args);
        foreach (var (id, error) in outcomes)
        {
            if (error is null)
            {
                Console.Out.WriteLine($"Job {id} vacated");
            }
            else
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine($"Job {id} {error}");
            }
        }

        return outcomes.Any(o => o.Error is not null) ? 1 : 0;
    }

    private static int Version()
    {
        Console.Out.WriteLine("$CondorVersion: 8.7.10 Nov 21 2026 PRE-RELEASE-UWCS $");
        Console.Out.WriteLine("$CondorPlatform: X86_64-Debian_12 $");
        return 0;
    }

    private static bool Matches(JsonObject ad, string? myType, string? jobId, ClassAdExpr? filter)
    {
        if (myType is not null && (string?)ad["MyType"] != myType)
        {
            return false;
        }

        if (jobId is not null && IdOf(ad) != jobId && (string?)ad["ClusterId"]?.ToString() != jobId)
        {
            return false;
        }

        return filter is null || (FakeCondorPool.ToClassAd(ad).EvaluateExpression(filter).TryGetBoolean(out var matched) && matched);
    }

    private static string IdOf(JsonObject job) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int?)job["ClusterId"]}.{(int?)job["ProcId"]}");

    private static JsonObject Project(JsonObject ad, string[]? projection)
    {
        if (projection is null)
        {
            return ad;
        }

        var projected = new JsonObject();
        foreach (var (name, value) in ad)
        {
            if (projection.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                projected[name] = value?.DeepClone();
            }
        }

        return projected;
    }

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: condoractors-testprog fake-condor-tool ROOT/bin/<{string.Join('|', FakeCondorPool.Tools)}> [args]");
        return 2;
    }
}
