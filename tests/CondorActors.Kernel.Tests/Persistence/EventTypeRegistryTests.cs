using CondorActors.Kernel.Persistence;

namespace CondorActors.Kernel.Tests.Persistence;

public sealed class EventTypeRegistryTests
{
    [Fact]
    public void Round_trips_a_registered_event_by_its_manifest()
    {
        var registry = new EventTypeRegistry().Register<GlideinDied>("glidein-died.v1");

        var (manifest, payload) = registry.Serialize(new GlideinDied("g-42", "batch job vanished"));
        var back = registry.Deserialize(manifest, payload);

        Assert.Equal("glidein-died.v1", manifest);
        Assert.DoesNotContain(nameof(GlideinDied), payload);
        Assert.Equal(new GlideinDied("g-42", "batch job vanished"), back);
    }

    [Fact]
    public void An_unknown_manifest_is_a_clear_error()
    {
        var registry = new EventTypeRegistry();

        var ex = Assert.Throws<UnknownEventManifestException>(() => registry.Deserialize("glidein-died.v9", "{}"));

        Assert.Equal("glidein-died.v9", ex.Manifest);
    }

    [Fact]
    public void An_unregistered_type_cannot_be_serialized()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new EventTypeRegistry().Serialize(new GlideinDied("g", "r")));

        Assert.Contains(nameof(GlideinDied), ex.Message);
    }

    [Fact]
    public void A_manifest_or_type_cannot_be_registered_twice_differently()
    {
        var registry = new EventTypeRegistry().Register<GlideinDied>("glidein-died.v1");

        Assert.Throws<InvalidOperationException>(() => registry.Register<OtherEvent>("glidein-died.v1"));
        Assert.Throws<InvalidOperationException>(() => registry.Register<GlideinDied>("glidein-died.v2"));
        registry.Register<GlideinDied>("glidein-died.v1");
    }

    private sealed record GlideinDied(string GlideinId, string Reason);

    private sealed record OtherEvent;
}
