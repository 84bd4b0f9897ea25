namespace CondorActors.Kernel.Actors;

/// <summary>What a parent does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message.</summary>
    Resume,

    /// <summary>Replace the instance by a new one from the props, after a backoff.</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the parent with the child's exception; the grandparent decides.</summary>
    Escalate,
}
