using CondorActors.Domain.Batch;
using CondorActors.Domain.Glideins;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class GlideinHeartbeatTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    [Fact]
    public async Task Running_glidein_whose_heartbeat_file_is_older_than_the_timeout_dies_of_heartbeat_lost()
    {
        Settings = Settings with { HeartbeatTimeout = TimeSpan.FromMinutes(1) };
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        var heartbeat = Context.FilesOf(id).Heartbeat;

        Batch.SetAll(BatchJobState.Running);
        HeartbeatFile.Write(heartbeat, Clock.GetUtcNow(), 1);
        await PollAsync(2);
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);

        HeartbeatFile.Write(heartbeat, Clock.GetUtcNow() - TimeSpan.FromMinutes(2), 2);
        await PollAsync();

        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.HeartbeatLost, (await GlideinAsync(site, id)).DeathCause));
    }
}
