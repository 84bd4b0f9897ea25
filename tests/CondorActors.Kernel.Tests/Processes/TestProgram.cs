using CondorActors.Kernel.Processes;

namespace CondorActors.Kernel.Tests.Processes;

/// <summary>Commands for the <c>condoractors-testprog</c> stand-in, copied beside the tests.</summary>
internal static class TestProgram
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "condoractors-testprog");

    public static ProcessCommand Command(params string[] arguments) => new(Path, arguments);
}
