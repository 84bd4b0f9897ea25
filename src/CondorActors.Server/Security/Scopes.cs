using System.Security.Claims;
using CondorActors.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Security;

/// <summary>
/// Scope checks for handlers: <c>read</c>, <c>submit</c> (own jobs), <c>jobs-admin</c> (any job,
/// implies submit), <c>glideins</c>, <c>admin</c> (tokens, audit; implies every scope). Route
/// groups carry policies (<see cref="SecuritySetup"/>); handlers whose rule depends on the target
/// (own job or any job) ask here.
/// </summary>
internal static class Scopes
{
    /// <summary>Claim type of one granted scope (a principal has one claim per scope).</summary>
    public const string ClaimType = Principals.ScopeClaim;

    public const string Read = ApiScopes.Read;
    public const string Submit = ApiScopes.Submit;
    public const string JobsAdmin = ApiScopes.JobsAdmin;
    public const string Glideins = ApiScopes.Glideins;
    public const string Admin = ApiScopes.Admin;

    /// <summary>True when the request's principal holds <paramref name="scope"/> or a scope implying it.</summary>
    public static bool Has(HttpContext http, string scope)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.IsAuthenticated == true
            && ApiScopes.Grants(http.User.FindAll(ClaimType).Select(claim => claim.Value), scope);
    }

    /// <summary>
    /// Null when the principal holds <paramref name="scope"/>; otherwise the problem to answer:
    /// 401 when the request is not authenticated, 403 naming the missing scope when it is.
    /// Use: <c>if (Scopes.Require(http, Scopes.Submit) is { } denied) { return denied; }</c>.
    /// </summary>
    public static ProblemHttpResult? Require(HttpContext http, string scope)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        if (Has(http, scope))
        {
            return null;
        }

        if (!Principals.IsAuthenticated(http))
        {
            http.Response.Headers.WWWAuthenticate = TokenAuthenticationHandler.Challenge;
            return TypedResults.Problem(
                "A valid API token is required (Authorization: Bearer <token>).",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                type: ProblemTypes.Unauthorized);
        }

        return TypedResults.Problem(
            $"Principal '{Principals.NameOf(http)}' lacks the scope '{scope}'.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            type: ProblemTypes.Forbidden,
            extensions: new Dictionary<string, object?> { ["scope"] = scope });
    }

    /// <summary>The 403 for a caller acting on something that is not theirs.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: ProblemTypes.Forbidden);

    internal static Claim Claim(string scope) => new(ClaimType, scope);
}
