using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class AskTests(ITestOutputHelper output) : ActorTestBase(output)
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        Assert.Equal(42, await echo.Ask<int>(42, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_timeout_names_the_actor_path_and_message_type()
    {
        var probe = CreateTestProbe("silent");
        var ask = probe.Ref.Ask<string>(new SomeQuestion(1), TimeSpan.FromSeconds(3));
        await probe.ExpectMsgAsync<SomeQuestion>();

        _time.Advance(TimeSpan.FromSeconds(3));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => ask);
        Assert.Contains("/user/silent", ex.Message);
        Assert.Contains(nameof(SomeQuestion), ex.Message);
    }

    [Fact]
    public async Task Ask_does_not_time_out_before_its_timeout()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<string>(new SomeQuestion(2), TimeSpan.FromSeconds(3));
        await probe.ExpectMsgAsync<SomeQuestion>();

        _time.Advance(TimeSpan.FromSeconds(2.9));
        probe.Reply("late but in time");

        Assert.Equal("late but in time", await ask);
    }

    [Fact]
    public async Task Ask_to_a_stopped_actor_fails_fast_without_waiting_for_the_timeout()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "gone");
        probe.Watch(echo);
        Sys.Stop(echo);
        await probe.ExpectTerminatedAsync(echo);

        // The fake clock never moves, so only a fast failure can end this ask.
        var ex = await Assert.ThrowsAsync<AskDeliveryException>(() => echo.Ask<int>(1, TimeSpan.FromSeconds(30)));

        Assert.Contains("/user/gone", ex.Message);
        Assert.Equal(0, _time.ActiveTimers);
    }

    [Fact]
    public async Task A_status_failure_reply_throws_its_cause()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<string>(new SomeQuestion(3), TimeSpan.FromSeconds(3));
        await probe.ExpectMsgAsync<SomeQuestion>();

        probe.Reply(new Status.Failure(new InvalidOperationException("no such job")));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ask);
        Assert.Equal("no such job", ex.Message);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_says_what_was_expected()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var ex = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<string>(7, TimeSpan.FromSeconds(5)));

        Assert.Contains("String", ex.Message);
        Assert.Contains("Int32", ex.Message);
    }

    [Fact]
    public async Task A_completed_ask_leaves_no_timer_behind()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        for (var i = 0; i < 20; i++)
        {
            await echo.Ask<int>(i, TimeSpan.FromSeconds(5));
        }

        Assert.Equal(0, _time.ActiveTimers);
    }

    protected override TimeProvider CreateTimeProvider() => _time;

    private sealed record SomeQuestion(int Id);
}
