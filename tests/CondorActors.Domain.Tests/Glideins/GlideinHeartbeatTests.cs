using CondorActors.Domain.Batch;
using CondorActors.Domain.Glideins;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class GlideinHeartbeatTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Glidein_lives_past_the_timeout_while_its_heartbeat_advances_and_dies_once_it_stops()
    {
        Settings = Settings with { HeartbeatTimeout = Timeout };
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        var heartbeat = Context.FilesOf(id).Heartbeat;
        Batch.SetAll(BatchJobState.Running);
        HeartbeatFile.Write(heartbeat, Clock.GetUtcNow(), 1);
        await PollAsync(2);
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);

        // 15 polls of 5 s: well past the timeout, so the file must have been read again.
        for (var counter = 2; counter < 17; counter++)
        {
            HeartbeatFile.Write(heartbeat, Clock.GetUtcNow(), counter);
            await PollAsync();
        }

        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);
        var last = Clock.GetUtcNow();
        while (Clock.GetUtcNow() - last <= Timeout + Settings.PollInterval)
        {
            await PollAsync();
        }

        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.HeartbeatLost, (await GlideinAsync(site, id)).DeathCause));
        Assert.Contains(
            (await GlideinAsync(site, id)).History,
            h => h.To == GlideinPhase.Dead && h.Detail.Contains("timeout 60 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stale_heartbeat_file_kills_a_glidein_whose_heartbeat_was_never_seen_fresh()
    {
        Settings = Settings with { HeartbeatTimeout = Timeout };
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);

        Batch.SetAll(BatchJobState.Running);
        HeartbeatFile.Write(Context.FilesOf(id).Heartbeat, Clock.GetUtcNow() - TimeSpan.FromMinutes(2), 1);
        await PollAsync();

        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.HeartbeatLost, (await GlideinAsync(site, id)).DeathCause));
    }
}
