using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Registers every settings class, bound with <see cref="HoconOptionsBinder"/> and validated at start-up.</summary>
public static class CondorActorsOptionsRegistration
{
    /// <summary>Adds <c>IOptions&lt;T&gt;</c> for each area with <c>ValidateOnStart</c>.</summary>
    public static IServiceCollection AddCondorActorsOptions(this IServiceCollection services, IConfiguration configuration)
    {
        Add<CondorActorsSettings>(services, configuration, CondorActorsSettings.Section);
        Add<JournalSettings>(services, configuration, JournalSettings.Section);
        Add<HttpSettings>(services, configuration, HttpSettings.Section);
        Add<CondorSettings>(services, configuration, CondorSettings.Section);
        Add<AuthSettings>(services, configuration, AuthSettings.Section);
        Add<ApiSettings>(services, configuration, ApiSettings.Section);
        Add<SubmitSettings>(services, configuration, SubmitSettings.Section);
        services.AddOptions<SitesSettings>()
            .Configure(o => ThrowIfAny<SitesSettings>(errors => HoconOptionsBinder.BindDictionary(configuration.GetSection(SitesSettings.Section), o.Sites, errors)))
            .ValidateOnStart();
        var validator = new CondorActorsOptionsValidator();
        services.AddSingleton<IValidateOptions<CondorActorsSettings>>(validator);
        services.AddSingleton<IValidateOptions<JournalSettings>>(validator);
        services.AddSingleton<IValidateOptions<HttpSettings>>(validator);
        services.AddSingleton<IValidateOptions<CondorSettings>>(validator);
        services.AddSingleton<IValidateOptions<AuthSettings>>(validator);
        services.AddSingleton<IValidateOptions<ApiSettings>>(validator);
        services.AddSingleton<IValidateOptions<SitesSettings>>(validator);
        return services;
    }

    /// <summary>
    /// Binds every area without a container, collecting each binding and validation message
    /// (HOCON path first) in <paramref name="errors"/>. Used by <c>config show</c> and by the server,
    /// which needs some settings (journal, backend) before its container exists.
    /// </summary>
    public static CondorActorsSettingsSet Bind(IConfiguration configuration, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var set = new CondorActorsSettingsSet();
        HoconOptionsBinder.Bind(configuration.GetSection(CondorActorsSettings.Section), set.Root, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(set.Root));
        HoconOptionsBinder.Bind(configuration.GetSection(JournalSettings.Section), set.Journal, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(set.Journal));
        HoconOptionsBinder.Bind(configuration.GetSection(HttpSettings.Section), set.Http, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(set.Http));
        HoconOptionsBinder.Bind(configuration.GetSection(CondorSettings.Section), set.Condor, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(set.Condor));
        HoconOptionsBinder.Bind(configuration.GetSection(AuthSettings.Section), set.Auth, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(set.Auth));
        HoconOptionsBinder.Bind(configuration.GetSection(ApiSettings.Section), set.Api, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(set.Api));
        HoconOptionsBinder.Bind(configuration.GetSection(SubmitSettings.Section), set.Submit, errors);
        HoconOptionsBinder.BindDictionary(configuration.GetSection(SitesSettings.Section), set.Sites.Sites, errors);
        errors.AddRange(CondorActorsOptionsValidator.Check(set.Sites));
        return set;
    }

    /// <summary>Every binding and validation message, empty when the configuration is valid (for <c>config show</c>).</summary>
    public static List<string> BindAndValidate(IConfiguration configuration)
    {
        var errors = new List<string>();
        Bind(configuration, errors);
        return errors;
    }

    /// <summary>
    /// All settings, bound and valid; otherwise throws <see cref="OptionsValidationException"/>
    /// whose message lists every bad setting by HOCON path (the same messages <c>ValidateOnStart</c> gives).
    /// </summary>
    public static CondorActorsSettingsSet BindValidated(IConfiguration configuration)
    {
        var errors = new List<string>();
        var set = Bind(configuration, errors);
        return errors.Count == 0
            ? set
            : throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(CondorActorsSettingsSet), errors);
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
