using CondorActors.Server.Problems;

namespace CondorActors.Server.Security;

/// <summary>
/// Scope checks for handlers. Route groups carry policies (<see cref="SecuritySetup"/>); handlers
/// whose rule depends on the target (own job or any job) ask here.
/// </summary>
internal static class Scopes
{
    /// <summary>True when the request's principal holds <paramref name="scope"/> or a scope implying it.</summary>
    public static bool Has(HttpContext http, string scope) =>
        http.User.Identity?.IsAuthenticated == true
        && ApiScopes.Grants(http.User.FindAll(Principals.ScopeClaim).Select(claim => claim.Value), scope);

    /// <summary>
    /// Null when the principal holds <paramref name="scope"/>; otherwise the problem to answer:
    /// 401 when the request is not authenticated, 403 naming the missing scope when it is.
    /// Use: <c>if (Scopes.Require(http, ApiScopes.Submit) is { } denied) { return denied; }</c>.
    /// </summary>
    public static IResult? Require(HttpContext http, string scope)
    {
        if (Has(http, scope))
        {
            return null;
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = TokenAuthenticationHandler.Challenge;
            return TypedResults.Problem(
                "A valid API token is required (Authorization: Bearer <token>).",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                type: ProblemTypes.Unauthorized);
        }

        return Forbidden(http, scope);
    }

    public static IResult Forbidden(HttpContext http, string scope) =>
        TypedResults.Problem(
            $"Principal '{Principals.NameOf(http)}' lacks the scope '{scope}'.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            type: ProblemTypes.Forbidden,
            extensions: new Dictionary<string, object?> { ["scope"] = scope });
}
