namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>A node of the parsed (possibly unresolved) tree; resolved values derive from it too.</summary>
public abstract class HoconNode
{
    private protected HoconNode(HoconOrigin origin) => Origin = origin;

    /// <summary>Where the node was written.</summary>
    public HoconOrigin Origin { get; private protected set; }
}
