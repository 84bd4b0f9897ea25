namespace CondorActors.Domain.Condor.Simulated;

internal static partial class SimulatedAdTemplates
{
    /// <summary>
    /// the master of condor_status -master -json, recorded on HTCondor 8.7.10
    /// (tests/CondorActors.Domain.Tests/TestData/condor/condor_status_-master_-json.out), so simulated ads carry the
    /// attributes real ones do.
    /// </summary>
    private const string RecordedMasterJson = """
{
  "AddressV1": "{[ p=\"primary\"; a=\"127.0.0.1\"; port=9618; n=\"Internet\"; spid=\"31286_7c7e\"; noUDP=true; ], [ p=\"IPv4\"; a=\"127.0.0.1\"; port=9618; n=\"Internet\"; spid=\"31286_7c7e\"; noUDP=true; ]}",
  "AuthenticatedIdentity": "unauthenticated@unmapped",
  "AuthenticationMethod": "FS",
  "COLLECTOR_StartTime": 1795289808,
  "COLLECTOR_Timestamp": 1795289561,
  "CondorPlatform": "$CondorPlatform: X86_64-Debian_12 $",
  "CondorVersion": "$CondorVersion: 8.7.10 Nov 21 2026 PRE-RELEASE-UWCS $",
  "DaemonCoreDutyCycle": 0.0001334509818200491,
  "DaemonLastReconfigTime": 1795290216,
  "DaemonStartTime": 1795289807,
  "DetectedCpus": 2,
  "DetectedMemory": 24151,
  "LastHeardFrom": 1795290762,
  "Machine": "vm",
  "MASTER_StartTime": 1795289807,
  "MASTER_Timestamp": 1795289585,
  "MasterIpAddr": "<127.0.0.1:9618?addrs=127.0.0.1-9618&noUDP&sock=31286_7c7e>",
  "MonitorSelfAge": 723,
  "MonitorSelfCPUUsage": 0.01248696459897954,
  "MonitorSelfImageSize": 20964,
  "MonitorSelfRegisteredSocketCount": 0,
  "MonitorSelfResidentSetSize": 11880,
  "MonitorSelfSecuritySessions": 6,
  "MonitorSelfTime": 1795290527,
  "MyAddress": "<127.0.0.1:9618?addrs=127.0.0.1-9618&noUDP&sock=31286_7c7e>",
  "MyCurrentTime": 1795290762,
  "MyType": "DaemonMaster",
  "Name": "vm",
  "NEGOTIATOR_StartTime": 1795289809,
  "NEGOTIATOR_Timestamp": 1795289590,
  "RealUid": 0,
  "RecentDaemonCoreDutyCycle": 0.0001334509818200491,
  "SCHEDD_StartTime": 1795289809,
  "SCHEDD_Timestamp": 1795289550,
  "SHARED_PORT_StartTime": 1795289807,
  "SHARED_PORT_Timestamp": 1795289593,
  "STARTD_StartTime": 1795289809,
  "STARTD_Timestamp": 1795289619,
  "TargetType": "",
  "UpdateSequenceNumber": 192,
  "UpdatesHistory": "00000000000000000000000000000000",
  "UpdatesLost": 0,
  "UpdatesSequenced": 191,
  "UpdatesTotal": 192
}
""";
}
