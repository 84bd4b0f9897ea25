namespace CondorActors.Kernel.Actors;

/// <summary>
/// The temporary sender of one Ask. It is registered nowhere: once the ask completes nothing
/// references it, so abandoned asks cannot leak.
/// </summary>
internal sealed class AskRef : IActorRef
{
    private static long _counter;
    private readonly TaskCompletionSource<object> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _id = Interlocked.Increment(ref _counter);

    public string Path => "/temp/ask-" + _id;

    public Task<object> Reply => _reply.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _reply.TrySetResult(message);
    }

    internal void FailUndeliverable(string targetPath, object message, string reason) =>
        _reply.TrySetException(new AskDeliveryException(targetPath, message.GetType(), reason));

    internal void Fail(Exception exception) => _reply.TrySetException(exception);

    internal void Cancel(CancellationToken token) => _reply.TrySetCanceled(token);

    public override string ToString() => Path;
}
