namespace CondorActors.Kernel.Persistence;

/// <summary>
/// Runs the schema set-up once, shared by every caller; a failed attempt (database not up yet)
/// is retried by the next caller instead of being cached forever.
/// </summary>
internal sealed class SchemaInitializer(Func<CancellationToken, Task> initialize)
{
    private readonly Lock _gate = new();
    private Task? _task;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                // Not tied to the first caller's token: one caller giving up must not fail the others.
                _task = initialize(CancellationToken.None);
            }

            task = _task;
        }

        return task.IsCompletedSuccessfully ? task : task.WaitAsync(cancellationToken);
    }
}
