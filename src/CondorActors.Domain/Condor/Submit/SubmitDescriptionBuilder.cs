using System.Globalization;
using System.Text;
using System.Text.Json;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// Turns a submit body (JSON) into a submit description that says exactly what the client asked
/// and nothing else: every key is known (or allowed by the admin), every value is checked by type
/// and by <see cref="SubmitValueRules"/>, paths are confined (<see cref="SubmitPaths"/>),
/// expressions are parsed and printed canonically, custom attributes are ClassAd literals. The
/// result is checked once more line by line (<see cref="SubmitDescriptionGuard"/>): a description
/// that fails that is a bug here, never sent. The cost does not depend on <c>count</c>.
/// </summary>
public static partial class SubmitDescriptionBuilder
{
    private const long Mebibyte = 1024 * 1024;
    private const long Kibibyte = 1024;

    /// <summary>Parses and renders a raw body.</summary>
    /// <exception cref="SubmitRequestException">The body is refused; the exception names the key.</exception>
    public static SubmitDescription Build(ReadOnlyMemory<byte> body, SubmitContext context, SubmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (body.Length > options.MaxBodyBytes)
        {
            throw new SubmitRequestException("body", $"The body is larger than {options.MaxBodyBytes} bytes.");
        }

        using var document = SubmitJson.ParseBody(body, options.MaxJsonDepth);
        return Build(document.RootElement, context, options);
    }

    /// <summary>Renders a parsed body (a JSON object).</summary>
    /// <exception cref="SubmitRequestException">The body is refused; the exception names the key.</exception>
    public static SubmitDescription Build(JsonElement body, SubmitContext context, SubmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new SubmitRequestException("body", "The body must be a JSON object.");
        }

        var keys = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        var extras = new List<(string Name, JsonElement Value)>();
        foreach (var property in body.EnumerateObject())
        {
            if (SubmitKeys.Documented.Contains(property.Name))
            {
                keys[property.Name] = property.Value;
            }
            else if (options.AllowedExtraCommands.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                extras.Add((property.Name.ToLowerInvariant(), property.Value));
            }
            else
            {
                var shown = SubmitValueRules.Problem(property.Name) is null ? property.Name : "(unprintable)";
                throw new SubmitRequestException(shown, $"Unknown key '{SubmitJson.Shorten(shown)}'. Custom job attributes go in 'attributes'; other submit commands must be allowed by an administrator (submit.allowed-extra-commands).");
            }
        }

        var lines = new List<string>(32);
        var count = keys.TryGetValue(SubmitKeys.Count, out var countValue)
            ? (int)SubmitJson.Integer(SubmitKeys.Count, countValue, 1, options.MaxCount)
            : 1;

        RenderProgram(keys, lines, context, options, out var initialDir);
        RenderFiles(keys, lines, context, initialDir);
        RenderResources(keys, lines);
        RenderTransfer(keys, lines);
        RenderExpressions(keys, lines);
        RenderMisc(keys, lines);
        foreach (var (name, value) in extras)
        {
            lines.Add($"{name} = {Raw(name, SubmitJson.Scalar(name, value))}");
        }

        if (keys.TryGetValue(SubmitKeys.Attributes, out var attributes))
        {
            RenderAttributes(attributes, lines);
        }

        lines.Add($"+{SubmitDescription.RequestIdAttribute} = {ClassAdLiteral.Quote(context.RequestId)}");
        lines.Add($"+{SubmitDescription.SubmitterAttribute} = {ClassAdLiteral.Quote(context.Principal)}");

        var text = new StringBuilder(lines.Sum(line => line.Length + 1));
        foreach (var line in lines)
        {
            SubmitDescriptionGuard.CheckLine(line);
            text.Append(line).Append('\n');
        }

        return new SubmitDescription(text.ToString(), count, context.RequestId, context.Principal, context.WorkingDirectory);
    }

    private static void RenderProgram(Dictionary<string, JsonElement> keys, List<string> lines, SubmitContext context, SubmitOptions options, out string initialDir)
    {
        var universe = "vanilla";
        if (keys.TryGetValue(SubmitKeys.Universe, out var universeValue))
        {
            universe = SubmitJson.String(SubmitKeys.Universe, universeValue).Trim().ToLowerInvariant();
            if (!options.AllowedUniverses.Contains(universe, StringComparer.OrdinalIgnoreCase))
            {
                throw new SubmitRequestException(SubmitKeys.Universe, $"'universe' must be one of: {string.Join(", ", options.AllowedUniverses)}.");
            }
        }

        lines.Add($"universe = {universe}");
        initialDir = context.WorkingDirectory;
        if (keys.TryGetValue(SubmitKeys.InitialDir, out var dirValue))
        {
            initialDir = SubmitPaths.Confine(SubmitKeys.InitialDir, SubmitJson.String(SubmitKeys.InitialDir, dirValue), context.WorkingDirectory, context);
        }

        var needsExecutable = universe is not ("docker" or "container");
        if (keys.TryGetValue(SubmitKeys.Executable, out var executableValue))
        {
            var executable = SubmitJson.String(SubmitKeys.Executable, executableValue);
            var resolved = SubmitPaths.Resolve(SubmitKeys.Executable, executable, initialDir);
            if (SubmitPaths.IsUnder(resolved, context.AllowedRoots))
            {
                lines.Add($"executable = {resolved}");
            }
            else if (executable.StartsWith('/'))
            {
                // A program outside the allowed roots is run from the execute node's own file system
                // (/bin/hostname): nothing readable by the service on this node is shipped with the job.
                lines.Add($"executable = {resolved}");
                lines.Add("transfer_executable = false");
            }
            else
            {
                throw new SubmitRequestException(SubmitKeys.Executable, $"'executable' ({executable}) is outside the working directory.");
            }
        }
        else if (needsExecutable)
        {
            throw new SubmitRequestException(SubmitKeys.Executable, "'executable' is required.");
        }

        if (keys.TryGetValue(SubmitKeys.Arguments, out var arguments))
        {
            lines.Add($"arguments = {RenderArguments(arguments)}");
        }

        lines.Add($"initialdir = {initialDir}");
        foreach (var imageKey in new[] { SubmitKeys.DockerImage, SubmitKeys.ContainerImage })
        {
            if (keys.TryGetValue(imageKey, out var image))
            {
                var text = SubmitJson.String(imageKey, image);
                if (!ImageName().IsMatch(text))
                {
                    throw new SubmitRequestException(imageKey, $"'{imageKey}' must be an image reference such as 'docker.io/library/debian:12'.");
                }

                lines.Add($"{imageKey} = {text}");
            }
        }
    }

    private static string RenderArguments(JsonElement arguments)
    {
        if (arguments.ValueKind == JsonValueKind.Array)
        {
            var list = new List<string>();
            var index = 0;
            foreach (var item in arguments.EnumerateArray())
            {
                var field = $"{SubmitKeys.Arguments}[{index++}]";
                var text = SubmitJson.Scalar(field, item);
                Check(field, text);
                list.Add(text);
            }

            return SubmitQuoting.Arguments(list);
        }

        var value = SubmitJson.Scalar(SubmitKeys.Arguments, arguments);
        Check(SubmitKeys.Arguments, value);
        if (!SubmitQuoting.HasBalancedSingleQuotes(value))
        {
            throw new SubmitRequestException(SubmitKeys.Arguments, "'arguments' has an unbalanced single quote (quote with '...', write a literal ' as '' inside), or send a list of arguments.");
        }

        return SubmitQuoting.ArgumentsText(value);
    }

    private static void RenderFiles(Dictionary<string, JsonElement> keys, List<string> lines, SubmitContext context, string initialDir)
    {
        foreach (var key in new[] { SubmitKeys.Input, SubmitKeys.Output, SubmitKeys.Error, SubmitKeys.Log })
        {
            if (keys.TryGetValue(key, out var value))
            {
                lines.Add($"{key} = {SubmitPaths.Confine(key, SubmitJson.String(key, value), initialDir, context)}");
            }
        }

        if (keys.TryGetValue(SubmitKeys.TransferInputFiles, out var inputs))
        {
            var files = FileList(SubmitKeys.TransferInputFiles, inputs)
                .Select(item => SubmitPaths.Confine(item.Field, item.Path, initialDir, context));
            lines.Add($"transfer_input_files = {string.Join(',', files)}");
        }

        if (keys.TryGetValue(SubmitKeys.TransferOutputFiles, out var outputs))
        {
            // Names in the job's sandbox on the execute node; they land in initialdir.
            var files = FileList(SubmitKeys.TransferOutputFiles, outputs).Select(item =>
            {
                if (item.Path.StartsWith('/'))
                {
                    throw new SubmitRequestException(item.Field, $"'{item.Field}' must be a path relative to the job's sandbox.");
                }

                SubmitPaths.Resolve(item.Field, item.Path, initialDir);
                return item.Path;
            });
            lines.Add($"transfer_output_files = {string.Join(',', files)}");
        }
    }

    private static List<(string Field, string Path)> FileList(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new SubmitRequestException(key, $"'{key}' must be a list of file names, not {SubmitJson.Describe(value)}.");
        }

        var list = new List<(string, string)>();
        foreach (var item in value.EnumerateArray())
        {
            var field = $"{key}[{list.Count}]";
            var path = SubmitJson.String(field, item);
            if (path.Any(c => c == ',' || char.IsWhiteSpace(c)))
            {
                // The list is comma- and space-separated: such a name would become two files.
                throw new SubmitRequestException(field, $"'{field}' must not contain commas or white space.");
            }

            list.Add((field, path));
        }

        return list.Count == 0 ? throw new SubmitRequestException(key, $"'{key}' must not be empty.") : list;
    }

    private static void RenderResources(Dictionary<string, JsonElement> keys, List<string> lines)
    {
        if (keys.TryGetValue(SubmitKeys.RequestCpus, out var cpus))
        {
            lines.Add(Invariant($"request_cpus = {SubmitJson.Integer(SubmitKeys.RequestCpus, cpus, 1, 4096)}"));
        }

        if (keys.TryGetValue(SubmitKeys.RequestGpus, out var gpus))
        {
            lines.Add(Invariant($"request_gpus = {SubmitJson.Integer(SubmitKeys.RequestGpus, gpus, 0, 256)}"));
        }

        if (keys.TryGetValue(SubmitKeys.RequestMemory, out var memory))
        {
            lines.Add(Invariant($"request_memory = {Size(SubmitKeys.RequestMemory, memory, Mebibyte)}"));
        }

        if (keys.TryGetValue(SubmitKeys.RequestDisk, out var disk))
        {
            lines.Add(Invariant($"request_disk = {Size(SubmitKeys.RequestDisk, disk, Kibibyte)}"));
        }
    }

    private static long Size(string field, JsonElement value, long unitBytes) => value.ValueKind switch
    {
        JsonValueKind.Number => SubmitSizes.FromNumber(field, value.GetDouble(), unitBytes),
        JsonValueKind.String => SubmitSizes.Parse(field, SubmitJson.String(field, value).Trim(), unitBytes),
        _ => throw new SubmitRequestException(field, $"'{field}' must be a number or a size string such as \"4G\", not {SubmitJson.Describe(value)}."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Raw(string field, string value)
    {
        if (SubmitValueRules.RawProblem(value) is { } problem)
        {
            throw new SubmitRequestException(field, $"'{field}' {problem}.");
        }

        return value;
    }

    private static void Check(string field, string value)
    {
        if (SubmitValueRules.Problem(value) is { } problem)
        {
            throw new SubmitRequestException(field, $"'{field}' {problem}.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ImageName();
}
