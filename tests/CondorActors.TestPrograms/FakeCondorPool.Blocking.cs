using System.Globalization;

namespace CondorActors.TestPrograms;

/// <summary>When a blocked tool stops: before it changes the pool, or after (the change is made, the answer not yet given).</summary>
public enum FakeCondorBlockPhase
{
    Before,
    After,
}

public sealed partial class FakeCondorPool
{
    /// <summary>
    /// The next run of <paramref name="tool"/> (whose arguments contain <paramref name="argument"/>,
    /// if given) stops at <paramref name="phase"/>, writes its pid to <c>state/blocked-TOOL</c> and
    /// waits until <see cref="Release"/>. Only one run blocks: it claims the block file by renaming it.
    /// </summary>
    public void Block(string tool, FakeCondorBlockPhase phase, string? argument = null) =>
        File.WriteAllText(Path.Combine(State, "block-" + tool), $"{phase}\n{argument}");

    /// <summary>The pid of the run of <paramref name="tool"/> that is blocked now, or null.</summary>
    public int? BlockedPid(string tool)
    {
        var path = Path.Combine(State, "blocked-" + tool);
        return File.Exists(path) && int.TryParse(File.ReadAllText(path), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Lets a blocked run of <paramref name="tool"/> go on.</summary>
    public void Release(string tool) => File.WriteAllText(Path.Combine(State, "release-" + tool), string.Empty);

    /// <summary>Tool side: blocks here if a block for this tool, phase and arguments is set.</summary>
    internal void WaitIfBlocked(string tool, FakeCondorBlockPhase phase, IReadOnlyList<string> args)
    {
        var block = Path.Combine(State, "block-" + tool);
        if (!File.Exists(block))
        {
            return;
        }

        var lines = File.ReadAllText(block).Split('\n');
        if (lines[0] != phase.ToString() || (lines.Length > 1 && lines[1].Length > 0 && !args.Contains(lines[1])))
        {
            return;
        }

        try
        {
            File.Move(block, Path.Combine(State, "claimed-" + tool));
        }
        catch (IOException)
        {
            return; // another run claimed it first
        }

        WriteAtomically(Path.Combine(State, "blocked-" + tool), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var release = Path.Combine(State, "release-" + tool);
        while (!File.Exists(release))
        {
            Thread.Sleep(20);
        }
    }
}
