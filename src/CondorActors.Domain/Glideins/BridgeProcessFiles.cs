namespace CondorActors.Domain.Glideins;

/// <summary>The files a bridge process adds to its glidein's folder (see <see cref="GlideinFiles"/>).</summary>
internal sealed record BridgeProcessFiles(GlideinFiles Glidein)
{
    /// <summary><c>CONDOR_CONFIG</c> of the bridge: includes the generated configuration, then <see cref="Willing"/>.</summary>
    public string Config => Path.Combine(Glidein.Config, "bridge_config");

    /// <summary>START and GlideinState as the controller last set them; read last, so it wins.</summary>
    public string Willing => Path.Combine(Glidein.Config, "willing.config");

    /// <summary><c>PID START_TICKS</c> of node 0's bridge process: found again after a controller crash.</summary>
    public string Pid => PidOf(0);

    public string StandardOutput => StandardOutputOf(0);

    public string StandardError => StandardErrorOf(0);

    /// <summary>The pid file of node <paramref name="node"/>'s bridge (node 0: <c>bridge.pid</c>, others <c>bridge.N.pid</c>).</summary>
    public string PidOf(int node) => Path.Combine(Glidein.Log, Named("pid", node));

    public string StandardOutputOf(int node) => Path.Combine(Glidein.Log, Named("out", node));

    public string StandardErrorOf(int node) => Path.Combine(Glidein.Log, Named("err", node));

    private static string Named(string extension, int node) =>
        node == 0 ? $"bridge.{extension}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bridge.{node}.{extension}");
}
