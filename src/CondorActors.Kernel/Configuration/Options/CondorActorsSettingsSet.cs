namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Every settings area bound once (see <see cref="CondorActorsOptionsRegistration.Bind"/>).</summary>
public sealed class CondorActorsSettingsSet
{
    /// <summary><c>condoractors</c> (data-dir).</summary>
    public CondorActorsSettings Root { get; } = new();

    /// <summary><c>condoractors.journal</c>.</summary>
    public JournalSettings Journal { get; } = new();

    /// <summary><c>condoractors.http</c>.</summary>
    public HttpSettings Http { get; } = new();

    /// <summary><c>condoractors.condor</c>.</summary>
    public CondorSettings Condor { get; } = new();

    /// <summary><c>condoractors.auth</c>.</summary>
    public AuthSettings Auth { get; } = new();

    /// <summary><c>condoractors.api</c>.</summary>
    public ApiSettings Api { get; } = new();

    /// <summary><c>condoractors.submit</c>.</summary>
    public SubmitSettings Submit { get; } = new();

    /// <summary><c>condoractors.sites</c>.</summary>
    public SitesSettings Sites { get; } = new();
}
