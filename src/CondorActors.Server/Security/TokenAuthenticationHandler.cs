using System.Text.Encodings.Web;
using CondorActors.Server.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CondorActors.Server.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> and the replaced deployment's
/// <c>Auth: &lt;token&gt;</c>. No credentials: anonymous (scope <c>read</c>) for GET/HEAD when
/// anonymous read is on, otherwise no result (the route's policy then answers 401). A presented
/// but bad token always fails, even when anonymous read is on: a client that sent a token meant it.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<TokenAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenRegistry registry,
    IProblemDetailsService problems)
    : AuthenticationHandler<TokenAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Challenge = "Bearer";
    public const string LegacyHeader = "Auth";
    private const string FailureKey = "condoractors.auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedToken(Request.Headers);
        if (presented is null)
        {
            return Options.AnonymousRead && (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method))
                ? Success(Principals.Anonymous, [ApiScopes.Read], tokenId: null)
                : AuthenticateResult.NoResult();
        }

        var validation = await registry.ValidateAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        if (validation.Token is not { } token)
        {
            Context.Items[FailureKey] = validation.Failure;
            return AuthenticateResult.Fail(validation.Failure!);
        }

        return Success(token.Name, token.Scopes, token.Id);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureKey] as string;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? Challenge : $"{Challenge} error=\"invalid_token\"";
        await WriteProblemAsync(
            failure ?? "A valid API token is required (Authorization: Bearer <token>).",
            "Unauthorized",
            ProblemTypes.Unauthorized,
            extensions: null).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scope = Context.Items[ScopeRequirement.MissingScopeKey] as string;
        var detail = scope is null
            ? $"Principal '{Principals.NameOf(Context)}' may not use this route."
            : $"Principal '{Principals.NameOf(Context)}' lacks the scope '{scope}'.";
        await WriteProblemAsync(detail, "Forbidden", ProblemTypes.Forbidden, scope is null ? null : new() { ["scope"] = scope }).ConfigureAwait(false);
    }

    /// <summary>The token from <c>Authorization: Bearer</c>, else from <c>Auth</c> (with or without "Bearer ").</summary>
    internal static string? PresentedToken(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var legacy = headers[LegacyHeader].ToString().Trim();
        if (legacy.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            legacy = legacy["Bearer ".Length..].Trim();
        }

        return legacy.Length > 0 ? legacy : null;
    }

    private AuthenticateResult Success(string name, IEnumerable<string> scopes, string? tokenId) =>
        AuthenticateResult.Success(new AuthenticationTicket(Principals.Create(name, scopes, tokenId, SchemeName), SchemeName));

    private Task WriteProblemAsync(string detail, string title, string type, Dictionary<string, object?>? extensions)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail, Type = type };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }).AsTask();
    }
}
