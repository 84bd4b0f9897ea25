using System.Security.Claims;

namespace CondorActors.Server.Security;

/// <summary>Who a request acts as: the token's name, or <c>anonymous</c> under anonymous read.</summary>
internal static class Principals
{
    public const string Anonymous = "anonymous";

    /// <summary>Claim type of one granted scope (a principal has one claim per scope).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Claim type of the token id (lets an audit or a revocation name the credential, not the secret).</summary>
    public const string TokenIdClaim = "token_id";

    /// <summary>
    /// The principal's name: the token's name, <c>anonymous</c> under anonymous read, and also
    /// <c>anonymous</c> when the request is not authenticated (check <see cref="IsAuthenticated"/>).
    /// </summary>
    public static string NameOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
    }

    /// <summary>True when the request carries an accepted token (or is anonymous read).</summary>
    public static bool IsAuthenticated(HttpContext http) => http.User.Identity?.IsAuthenticated == true;

    /// <summary>The token id the request authenticated with, or null (anonymous, unauthenticated).</summary>
    public static string? TokenIdOf(HttpContext http) => http.User.FindFirst(TokenIdClaim)?.Value;

    public static ClaimsPrincipal Create(string name, IEnumerable<string> scopes, string? tokenId, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(scopes.Select(scope => new Claim(ScopeClaim, scope)));
        if (tokenId is not null)
        {
            claims.Add(new Claim(TokenIdClaim, tokenId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
