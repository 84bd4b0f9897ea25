namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>A HOCON syntax or resolution error; the message starts with <c>file:line:column:</c>.</summary>
public sealed class HoconException : Exception
{
    /// <summary>Creates an error at <paramref name="origin"/>.</summary>
    public HoconException(HoconOrigin origin, string problem)
        : base($"{origin}: {problem}")
    {
        Origin = origin;
        Problem = problem;
    }

    /// <summary>Creates an error at <paramref name="origin"/> wrapping an I/O failure.</summary>
    public HoconException(HoconOrigin origin, string problem, Exception inner)
        : base($"{origin}: {problem}", inner)
    {
        Origin = origin;
        Problem = problem;
    }

    /// <summary>Where the problem is.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The message without the location.</summary>
    public string Problem { get; }
}
