namespace CondorActors.Domain.Condor.Simulated;

/// <summary>
/// The simulated pool's configuration: the knobs of the recorded personal pool
/// (condor_config_val -dump on HTCondor 8.7.10), expanded as <c>condor_config_val NAME</c> prints
/// them. Empty values are left out: HTCondor reports an empty knob as "Not defined".
/// </summary>
internal static class SimulatedConfig
{
    public static IEnumerable<KeyValuePair<string, string>> Defaults(SimulatedPoolOptions options)
    {
        var host = options.HostName;
        var localDir = "/var/lib/condor";
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["CONDOR_HOST"] = options.CollectorHost.Split(':')[0],
            ["COLLECTOR_HOST"] = options.CollectorHost,
            ["COLLECTOR_PORT"] = "9618",
            ["FULL_HOSTNAME"] = host,
            ["HOSTNAME"] = host,
            ["DAEMON_LIST"] = "MASTER COLLECTOR NEGOTIATOR SCHEDD STARTD",
            ["UID_DOMAIN"] = options.Domain,
            ["FILESYSTEM_DOMAIN"] = options.Domain,
            ["RELEASE_DIR"] = "/usr",
            ["BIN"] = "/usr/bin",
            ["SBIN"] = "/usr/sbin",
            ["LIB"] = "/usr/lib",
            ["ETC"] = "/usr/etc",
            ["LOCAL_DIR"] = localDir,
            ["LOG"] = "/var/log/condor",
            ["SPOOL"] = $"{localDir}/spool",
            ["EXECUTE"] = $"{localDir}/execute",
            ["LOCK"] = $"{localDir}/lock",
            ["RUN"] = $"{localDir}/run",
            ["HISTORY"] = $"{localDir}/spool/history",
            ["NUM_CPUS"] = options.Slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["COUNT_HYPERTHREAD_CPUS"] = "true",
            ["NEGOTIATOR_INTERVAL"] = "5",
            ["SCHEDD_INTERVAL"] = "5",
            ["UPDATE_INTERVAL"] = "5",
            ["MASTER_UPDATE_INTERVAL"] = "5",
            ["CLASSAD_LIFETIME"] = "900",
            ["JOB_DEFAULT_LEASE_DURATION"] = "2400",
            ["JOB_START_DELAY"] = "0",
            ["START"] = "True",
            ["SUSPEND"] = "False",
            ["CONTINUE"] = "True",
            ["PREEMPT"] = "False",
            ["KILL"] = "False",
            ["WANT_SUSPEND"] = "False",
            ["WANT_VACATE"] = "False",
            ["ALLOW_READ"] = "*",
            ["ALLOW_WRITE"] = "*",
            ["ALLOW_ADMINISTRATOR"] = "*",
            ["ALLOW_DAEMON"] = "*",
            ["ALLOW_NEGOTIATOR"] = "*",
            ["SEC_DEFAULT_AUTHENTICATION"] = "OPTIONAL",
            ["USE_SHARED_PORT"] = "true",
            ["SHARED_PORT_PORT"] = "9618",
            ["NETWORK_INTERFACE"] = "127.0.0.1",
            ["BIND_ALL_INTERFACES"] = "False",
            ["ENABLE_IPV6"] = "False",
            ["CONDOR_IDS"] = "999.995",
        };
    }
}
