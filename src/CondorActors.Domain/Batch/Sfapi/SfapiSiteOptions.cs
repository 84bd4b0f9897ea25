using System.Collections.Immutable;

namespace CondorActors.Domain.Batch.Sfapi;

/// <summary>A site reached through NERSC's Superfacility API (created from <c>sites.&lt;name&gt;</c> by <see cref="BatchSystemFactory"/>).</summary>
public sealed record SfapiSiteOptions
{
    public required BatchJobTag Tag { get; init; }

    /// <summary>The compute resource, e.g. <c>perlmutter</c>. Required.</summary>
    public required string Machine { get; init; }

    /// <summary>
    /// The key file NERSC hands out: the client id on the first line, then the PEM private key.
    /// Must not be readable by group or others (chmod 600). Required.
    /// </summary>
    public required string KeyFile { get; init; }

    /// <summary>
    /// The client id (<c>sfapi.client-id</c>). Null: taken from the key file's first line. When set,
    /// <see cref="KeyFile"/> may hold only the PEM key.
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>Default <c>https://api.nersc.gov/api/v1.2/</c>.</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.nersc.gov/api/v1.2/");

    /// <summary>Default <c>https://oidc.nersc.gov/c2id/token</c>; also the JWT audience.</summary>
    public Uri TokenUrl { get; init; } = new("https://oidc.nersc.gov/c2id/token");

    /// <summary>
    /// The NERSC user the client acts as. When set, the first poll of an adapter lists that user's
    /// jobs (<c>kwargs=user=</c>) to find tagged jobs it does not know; otherwise only known and
    /// expected ids are asked for.
    /// </summary>
    public string? User { get; init; }

    public string? Partition { get; init; }

    public string? Account { get; init; }

    public string? Qos { get; init; }

    /// <summary>Default <c>--constraint</c> (e.g. <c>cpu</c>); a request's own <c>--constraint</c>/<c>-C</c> directive wins.</summary>
    public string? Constraint { get; init; }

    public ImmutableArray<string> AllowedExtraDirectives { get; init; } = [];

    /// <summary>sbatch --export for submitted jobs. Default NONE.</summary>
    public string Export { get; init; } = "NONE";

    /// <summary>How often a submit task is polled. Default 1 s.</summary>
    public TimeSpan TaskPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a submit task may take before the submit counts as unanswered. Default 5 min.</summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One HTTP request's timeout. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Lifetime of the signed client assertion. Default 5 min.</summary>
    public TimeSpan AssertionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A token is renewed this long before it expires. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromSeconds(60);

    public BatchRetryPolicy Retry { get; init; } = BatchRetryPolicy.Default;
}
