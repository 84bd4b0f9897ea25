namespace CondorActors.TestKit;

/// <summary>Polls an assertion until it passes; for state that settles asynchronously.</summary>
public static class AwaitAssert
{
    public static async Task RunAsync(Action assert, TimeSpan timeout, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(assert);
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                assert();
                return;
            }
            catch (Exception) when (DateTime.UtcNow - started < timeout)
            {
                await Task.Delay(interval).ConfigureAwait(false);
            }
        }
    }
}
