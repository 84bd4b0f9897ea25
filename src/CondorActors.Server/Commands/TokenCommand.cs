using System.Globalization;
using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Kernel.Persistence;
using CondorActors.Server.Hosting;
using CondorActors.Server.Security;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Server.Commands;

/// <summary>
/// <c>condoractors token create|list|revoke</c>: manages API tokens in the journal database the
/// server uses (same configuration layers), also while the server runs: SQLite in WAL mode takes a
/// second process, and the server reads tokens it does not know from the journal on first use.
/// Exit codes: 0 ok, 1 failure (nothing to revoke, bad value, database error), 2 usage.
/// </summary>
internal static class TokenCommand
{
    private const string Usage = """
        usage: condoractors token create --name NAME --scopes SCOPE[,SCOPE...] [--expires DURATION] [--config PATH] [--condoractors:key=value ...]
               condoractors token list [--config PATH] [--condoractors:key=value ...]
               condoractors token revoke NAME|ID [--config PATH] [--condoractors:key=value ...]
        scopes: read, submit, jobs-admin, glideins, admin; DURATION e.g. 30d, 12h (default: never expires)
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, EnvironmentVariables());

    /// <summary>Same, with an explicit environment (tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment)
    {
        if (args is ["token", ..])
        {
            args = args[1..];
        }

        if (args.Length == 0 || !TryParse(args[1..], out var options, out var overrides, out var positional, out var configFile))
        {
            return UsageError(stderr, null);
        }

        var verb = args[0];
        var valid = verb switch
        {
            "create" => positional.Count == 0 && options.ContainsKey("name") && options.ContainsKey("scopes"),
            "list" => positional.Count == 0 && options.Count == 0,
            "revoke" => positional.Count == 1 && options.Count == 0,
            _ => false,
        };
        if (!valid)
        {
            return UsageError(stderr, verb is "create" or "list" or "revoke" ? $"wrong arguments for 'token {verb}'" : $"unknown command 'token {verb}'");
        }

        try
        {
            configFile ??= CondorActorsConfiguration.FindConfigFile([], name => environment.TryGetValue(name, out var v) ? v : null);
            var configuration = new ConfigurationBuilder().AddCondorActorsLayers(configFile, environment, [.. overrides]).Build();
            var settings = CondorActorsOptionsRegistration.BindValidated(configuration);
            var journalOptions = RuntimeOptions.Journal(settings);
            var journal = JournalFactory.Open(journalOptions);
            await using (journal.ConfigureAwait(false))
            {
                var registry = new TokenRegistry(journal.Journal, TimeProvider.System, journalOptions, settings.Auth);
                return verb switch
                {
                    "create" => await CreateAsync(registry, options, stdout, stderr).ConfigureAwait(false),
                    "list" => await ListAsync(registry, stdout).ConfigureAwait(false),
                    _ => await RevokeAsync(registry, positional[0], stdout, stderr).ConfigureAwait(false),
                };
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or IOException or System.Data.Common.DbException or Kernel.Configuration.Hocon.HoconException)
        {
            stderr.WriteLine($"token {verb}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> CreateAsync(TokenRegistry registry, Dictionary<string, string> options, TextWriter stdout, TextWriter stderr)
    {
        if (!TokenLifetime.TryParse(options.GetValueOrDefault("expires"), out var lifetime, out var error))
        {
            stderr.WriteLine($"token create: {error}");
            return 1;
        }

        var scopes = ApiScopes.Parse(options["scopes"], out var unknown);
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"token create: unknown scope(s) {string.Join(", ", unknown)} (known: {string.Join(", ", ApiScopes.All)})");
            return 1;
        }

        try
        {
            var (token, text) = await registry.CreateAsync(options["name"], scopes, lifetime, CreatedBy(), CancellationToken.None).ConfigureAwait(false);
            // The token alone on stdout (scripts capture it); the rest on stderr for the person.
            stdout.WriteLine(text);
            stderr.WriteLine($"created token {token.Id} for '{token.Name}' with scopes {string.Join(",", token.Scopes)}, expires {Format(token.Expires)}.");
            stderr.WriteLine("Store it now: it is shown only this once and cannot be recovered.");
            return 0;
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"token create: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ListAsync(TokenRegistry registry, TextWriter stdout)
    {
        var now = DateTimeOffset.UtcNow;
        stdout.WriteLine("ID                NAME                 SCOPES                     CREATED               EXPIRES               STATE");
        foreach (var token in await registry.ListAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var state = token.Revoked is not null ? "revoked" : token.IsActive(now) ? "active" : "expired";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{token.Id,-17} {token.Name,-20} {string.Join(",", token.Scopes),-26} {Format(token.Created),-21} {Format(token.Expires),-21} {state}"));
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(TokenRegistry registry, string idOrName, TextWriter stdout, TextWriter stderr)
    {
        var revoked = await registry.RevokeAsync(idOrName, CreatedBy(), CancellationToken.None).ConfigureAwait(false);
        if (revoked.Count == 0)
        {
            stderr.WriteLine($"token revoke: no active token has the id or name '{idOrName}'");
            return 1;
        }

        foreach (var token in revoked)
        {
            stdout.WriteLine($"revoked token {token.Id} ('{token.Name}')");
        }

        return 0;
    }

    /// <summary>Options <c>--name X</c>/<c>--name=X</c>, configuration overrides <c>--a:b=c</c>, <c>--config PATH</c>, positionals.</summary>
    private static bool TryParse(
        string[] args, out Dictionary<string, string> options, out List<string> overrides, out List<string> positional, out string? configFile)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        overrides = [];
        positional = [];
        configFile = null;
        string[] known = ["name", "scopes", "expires"];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var (key, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[2..eq], arg[(eq + 1)..])
                : (arg[2..], i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                return false;
            }

            if (key == "config")
            {
                configFile = value;
            }
            else if (known.Contains(key))
            {
                options[key] = value;
            }
            else if (key.Contains(':', StringComparison.Ordinal))
            {
                overrides.Add($"--{key}={value}");
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "never";

    private static string CreatedBy() => "cli:" + Environment.UserName;

    private static int UsageError(TextWriter stderr, string? message)
    {
        if (message is not null)
        {
            stderr.WriteLine("token: " + message);
        }

        stderr.WriteLine(Usage);
        return 2;
    }

    private static Dictionary<string, string?> EnvironmentVariables()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
