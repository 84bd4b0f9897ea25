using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CondorActors.Domain.ClassAds;

namespace CondorActors.TestPrograms;

/// <summary>
/// The state of a fake HTCondor pool in a folder, shared by the fake tools (<see cref="FakeCondorTools"/>)
/// and the tests that arrange and inspect it. Layout of the root folder:
/// <c>bin/condor_*</c> (links to this program, which dispatches on the name it was started by),
/// <c>state/ads.json</c> (the collector, as <c>condor_status -json</c> prints it),
/// <c>state/jobs.json</c> (the queue, as <c>condor_q -json</c> prints it),
/// <c>state/invocations.log</c> (one JSON line per tool run: <c>{"tool":..., "args":[...]}</c>),
/// and the block/blocked/release files of <see cref="Block"/>. Every read-modify-write holds an
/// exclusive lock on <c>state/lock</c>, since the controller runs tools concurrently.
/// </summary>
public sealed partial class FakeCondorPool
{
    /// <summary>The tools the fake provides (the controller's CLI backend and glidein cleanup call these).</summary>
    public static readonly IReadOnlyList<string> Tools = ["condor_status", "condor_q", "condor_advertise", "condor_vacate_job", "condor_version"];

    private static readonly JsonSerializerOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public FakeCondorPool(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Bin => Path.Combine(Root, "bin");

    public string State => Path.Combine(Root, "state");

    public string AdsFile => Path.Combine(State, "ads.json");

    public string JobsFile => Path.Combine(State, "jobs.json");

    public string InvocationLog => Path.Combine(State, "invocations.log");

    /// <summary>Creates the folders and an empty pool; links every tool in <see cref="Bin"/> to <paramref name="testProgram"/>.</summary>
    public static FakeCondorPool Create(string root, string testProgram)
    {
        var pool = new FakeCondorPool(root);
        Directory.CreateDirectory(pool.Bin);
        Directory.CreateDirectory(pool.State);
        foreach (var tool in Tools)
        {
            File.CreateSymbolicLink(Path.Combine(pool.Bin, tool), testProgram);
        }

        pool.Update(_ => { }, _ => { });
        return pool;
    }

    /// <summary>The pool of a tool started as <c>ROOT/bin/condor_x</c>.</summary>
    public static FakeCondorPool OfTool(string toolPath) =>
        new(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(toolPath)!, "..")));

    /// <summary>Changes collector and queue under the lock and writes both back.</summary>
    public void Update(Action<List<JsonObject>> ads, Action<List<JsonObject>> jobs)
    {
        using var _ = Lock();
        var currentAds = ReadAds(AdsFile);
        var currentJobs = ReadAds(JobsFile);
        ads(currentAds);
        jobs(currentJobs);
        WriteAtomically(AdsFile, CondorJson(currentAds));
        WriteAtomically(JobsFile, CondorJson(currentJobs));
    }

    /// <summary>A consistent copy of collector and queue.</summary>
    public (List<JsonObject> Ads, List<JsonObject> Jobs) Read()
    {
        using var _ = Lock();
        return (ReadAds(AdsFile), ReadAds(JobsFile));
    }

    /// <summary>The files' text, to compare states exactly.</summary>
    public (string Ads, string Jobs) Snapshot()
    {
        using var _ = Lock();
        return (ReadText(AdsFile), ReadText(JobsFile));
    }

    /// <summary>Appends one invocation line (under the lock, so lines never interleave).</summary>
    public void LogInvocation(string tool, IReadOnlyList<string> args)
    {
        var line = JsonSerializer.Serialize(new Invocation(tool, [.. args]), LineOptions);
        using var _ = Lock();
        File.AppendAllText(InvocationLog, line + "\n");
    }

    public IReadOnlyList<Invocation> Invocations()
    {
        using var _ = Lock();
        return File.Exists(InvocationLog)
            ? [.. File.ReadAllLines(InvocationLog).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Invocation>(l, LineOptions)!)]
            : [];
    }

    /// <summary>Parses one stored object as the controller would see it.</summary>
    public static ClassAd ToClassAd(JsonObject ad) => ClassAdJson.ParseAd(ad.ToJsonString());

    /// <summary>
    /// Ads as HTCondor 8.7's <c>-json</c> prints them: <c>[</c>, objects with two-space indented
    /// attributes separated by a line <c>,</c>, <c>]</c>; expressions as <c>"\/Expr(...)\/"</c>;
    /// NOTHING at all for no ads (recorded, fixtures README).
    /// </summary>
    public static string CondorJson(IReadOnlyList<JsonObject> ads)
    {
        if (ads.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder("[\n");
        for (var i = 0; i < ads.Count; i++)
        {
            text.Append(i == 0 ? "{\n" : ",\n{\n");
            var attributes = ads[i].ToList();
            for (var j = 0; j < attributes.Count; j++)
            {
                var value = attributes[j].Value?.ToJsonString(LineOptions) ?? "null";
                value = value.Replace("\"/Expr(", "\"\\/Expr(", StringComparison.Ordinal).Replace(")/\"", ")\\/\"", StringComparison.Ordinal);
                text.Append("  ").Append(JsonSerializer.Serialize(attributes[j].Key, LineOptions)).Append(": ").Append(value)
                    .Append(j < attributes.Count - 1 ? ",\n" : "\n");
            }

            text.Append("}\n");
        }

        return text.Append("]\n").ToString();
    }

    private static List<JsonObject> ReadAds(string path)
    {
        var text = ReadText(path);
        return text.Trim().Length == 0 ? [] : [.. JsonNode.Parse(text)!.AsArray().Select(n => n!.AsObject().DeepClone().AsObject())];
    }

    private static string ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>An exclusive lock on <c>state/lock</c> (FileShare.None takes an flock on Unix).</summary>
    private FileStream Lock()
    {
        var path = Path.Combine(State, "lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 3000)
            {
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>One tool run: the tool's name and its arguments.</summary>
    public sealed record Invocation(string Tool, string[] Args);
}
