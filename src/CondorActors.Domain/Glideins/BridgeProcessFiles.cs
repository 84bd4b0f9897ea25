namespace CondorActors.Domain.Glideins;

/// <summary>The files a bridge process adds to its glidein's folder (see <see cref="GlideinFiles"/>).</summary>
internal sealed record BridgeProcessFiles(GlideinFiles Glidein)
{
    /// <summary><c>CONDOR_CONFIG</c> of the bridge: includes the generated configuration, then <see cref="Willing"/>.</summary>
    public string Config => Path.Combine(Glidein.Config, "bridge_config");

    /// <summary>START and GlideinState as the controller last set them; read last, so it wins.</summary>
    public string Willing => Path.Combine(Glidein.Config, "willing.config");

    /// <summary><c>PID START_TICKS</c> of the running bridge process: found again after a controller crash.</summary>
    public string Pid => Path.Combine(Glidein.Log, "bridge.pid");

    public string StandardOutput => Path.Combine(Glidein.Log, "bridge.out");

    public string StandardError => Path.Combine(Glidein.Log, "bridge.err");
}
