namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Internal signal for a substitution cycle that looking backward cannot break. An optional
/// substitution (<c>${?x}</c>) treats it as "undefined" (HOCON.md, self-referential substitutions);
/// anything else reports it as an error.
/// </summary>
internal sealed class HoconCycleException : Exception
{
    public HoconCycleException(HoconOrigin origin, string problem)
        : base($"{origin}: {problem}")
    {
        Origin = origin;
        Problem = problem;
    }

    public HoconOrigin Origin { get; }

    public string Problem { get; }

    public HoconException ToHoconException() => new(Origin, Problem);
}
