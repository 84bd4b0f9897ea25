using System.Collections.Frozen;
using System.Text.RegularExpressions;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// Extra attributes a request asks the glidein's startds to advertise. They are written into the
/// startd's configuration file, where an attribute name is also a configuration macro name, so a
/// name must not be able to change what the startd does: only letters and digits (every HTCondor
/// knob family that names files or runs programs, e.g. <c>STARTD_CRON_*</c>, <c>SEC_*</c>, has an
/// '_'), none of the underscore-free knobs and statements below, nothing starting with
/// <c>Glidein</c> or <c>CondorActors</c> (the controller's own). Values become quoted ClassAd
/// strings; a '$' is written as <c>$(DOLLAR)</c> so it is never a macro reference.
/// </summary>
public static partial class GlideinAttributes
{
    /// <summary>Most attributes per request, and longest value.</summary>
    public const int MaxCount = 64;

    public const int MaxValueLength = 1024;

    private static readonly FrozenSet<string> Reserved = new[]
    {
        // Policy and matching expressions, machine attributes the startd computes or reads as knobs.
        "Start", "Suspend", "Continue", "Preempt", "Kill", "Rank", "Requirements", "IsOwner",
        "Name", "Machine", "MyType", "TargetType", "State", "Activity", "Arch", "OpSys",
        "Cpus", "Memory", "Disk", "Gpus", "Swap", "Slots", "SlotId", "Hostname",
        // Folders and daemons (configuration macros without an underscore).
        "Log", "Execute", "Spool", "Lock", "Lib", "Libexec", "Bin", "Sbin", "Etc", "Tilde", "Dollar",
        "Master", "Startd", "Starter", "Shadow", "Schedd", "Collector", "Negotiator", "Procd", "Subsystem",
        // Configuration-file statements.
        "Use", "Include", "If", "Else", "Elif", "Endif", "Error", "Warning",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="name"/> cannot be a requested attribute; null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NamePattern().IsMatch(name))
        {
            return $"'{name}' is not an attribute name this API accepts (a letter, then letters and digits, at most 64)";
        }

        if (name.StartsWith("Glidein", StringComparison.OrdinalIgnoreCase) || name.StartsWith("CondorActors", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{name}' is reserved: Glidein* and CondorActors* attributes are set by the controller";
        }

        return Reserved.Contains(name) ? $"'{name}' is reserved: HTCondor reads it as configuration or computes it" : null;
    }

    /// <summary>Why <paramref name="value"/> cannot be an attribute value; null when it can.</summary>
    public static string? ValueProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength)
        {
            return $"a value has at most {MaxValueLength} characters";
        }

        // The configuration file is line based: a line break would start a new setting.
        return value.Any(char.IsControl) ? "a value must not contain line breaks or other control characters" : null;
    }

    /// <summary>The configuration line's value: a quoted ClassAd string in which no '$' starts a macro.</summary>
    public static string ConfigValue(string value) =>
        ClassAdLiteral.Quote(value).Replace("$", "$(DOLLAR)", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex NamePattern();
}
