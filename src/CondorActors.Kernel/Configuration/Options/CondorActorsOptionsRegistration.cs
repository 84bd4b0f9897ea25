using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Registers every options class, bound with <see cref="HoconOptionsBinder"/> and validated at start-up.</summary>
public static class CondorActorsOptionsRegistration
{
    /// <summary>Adds <c>IOptions&lt;T&gt;</c> for each area with <c>ValidateOnStart</c>.</summary>
    public static IServiceCollection AddCondorActorsOptions(this IServiceCollection services, IConfiguration configuration)
    {
        Add<CondorActorsOptions>(services, configuration, CondorActorsOptions.Section);
        Add<JournalOptions>(services, configuration, JournalOptions.Section);
        Add<HttpOptions>(services, configuration, HttpOptions.Section);
        Add<CondorOptions>(services, configuration, CondorOptions.Section);
        Add<AuthOptions>(services, configuration, AuthOptions.Section);
        services.AddOptions<SitesOptions>()
            .Configure(o => ThrowIfAny<SitesOptions>(errors => HoconOptionsBinder.BindDictionary(configuration.GetSection(SitesOptions.Section), o.Sites, errors)))
            .ValidateOnStart();
        var validator = new CondorActorsOptionsValidator();
        services.AddSingleton<IValidateOptions<CondorActorsOptions>>(validator);
        services.AddSingleton<IValidateOptions<JournalOptions>>(validator);
        services.AddSingleton<IValidateOptions<HttpOptions>>(validator);
        services.AddSingleton<IValidateOptions<CondorOptions>>(validator);
        services.AddSingleton<IValidateOptions<AuthOptions>>(validator);
        services.AddSingleton<IValidateOptions<SitesOptions>>(validator);
        return services;
    }

    /// <summary>
    /// Binds and validates everything without a container (for <c>config show</c>): every
    /// binding and validation message, empty when the configuration is valid.
    /// </summary>
    public static List<string> BindAndValidate(IConfiguration configuration)
    {
        var errors = new List<string>();
        var root = new CondorActorsOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(CondorActorsOptions.Section), root, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(root));
        var journal = new JournalOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(JournalOptions.Section), journal, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(journal));
        var http = new HttpOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(HttpOptions.Section), http, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(http));
        var condor = new CondorOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(CondorOptions.Section), condor, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(condor));
        HoconOptionsBinder.Bind(configuration.GetSection(AuthOptions.Section), new AuthOptions(), errors);
        var sites = new SitesOptions();
        HoconOptionsBinder.BindDictionary(configuration.GetSection(SitesOptions.Section), sites.Sites, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(sites));
        return errors;
    }

    private static void Add<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptions<T>()
            .Configure(o => ThrowIfAny<T>(errors => HoconOptionsBinder.Bind(configuration.GetSection(section), o, errors)))
            .ValidateOnStart();
    }

    private static void ThrowIfAny<T>(Action<List<string>> bind)
    {
        var errors = new List<string>();
        bind(errors);
        if (errors.Count > 0)
        {
            // Surfaces through ValidateOnStart like a validation failure, one line per setting.
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(T), errors);
        }
    }
}
