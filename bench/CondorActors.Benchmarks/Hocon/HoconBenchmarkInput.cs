using System.Globalization;
using System.Text;

namespace CondorActors.Benchmarks.Hocon;

/// <summary>Generates a realistic HOCON document of about the requested size (sites, limits, comments, substitutions).</summary>
internal static class HoconBenchmarkInput
{
    public static string Generate(int bytes)
    {
        var sb = new StringBuilder(bytes + 4096);
        sb.Append("# generated benchmark input\ndefaults {\n  poll-interval = 5s\n  walltime = 1h\n  tags = [a, b, c]\n}\n");
        var i = 0;
        while (sb.Length < bytes)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append("site-").Append(n).Append(" = ${defaults} {\n")
              .Append("  # site number ").Append(n).Append('\n')
              .Append("  batch-system = slurm\n")
              .Append("  partition = \"compute-").Append(n).Append("\"\n")
              .Append("  max-glideins = ").Append(i % 97).Append('\n')
              .Append("  ratio = ").Append(((i % 13) / 4.0).ToString("0.0##", CultureInfo.InvariantCulture)).Append('\n')
              .Append("  enabled = ").Append(i % 2 == 0 ? "true" : "false").Append('\n')
              .Append("  heartbeat-timeout = 2 minutes\n")
              .Append("  nodes : [1, 2, 4, 8],\n")
              .Append("  limits { cpu = 128, memory = 512 MiB, note = \"quoted \\\"text\\\" here\" }\n")
              .Append("  path = /scratch/glideins/site-").Append(n).Append('\n')
              .Append("}\n")
              .Append("site-").Append(n).Append(".account = project-").Append(i % 7).Append('\n');
            i++;
        }

        return sb.ToString();
    }
}
