using System.Security.Claims;
using CondorActors.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Security;

/// <summary>
/// Scope checks used by the handlers: <c>read</c>, <c>submit</c> (own jobs), <c>jobs-admin</c> (any
/// job), <c>glideins</c>, <c>admin</c>. The seam with the authentication layer, which owns the rules
/// (this minimal version lets every request through <see cref="Require"/> and reads scopes from
/// <c>scope</c> claims in <see cref="Has"/>); the signatures are the contract.
/// </summary>
internal static class Scopes
{
    public const string ClaimType = "scope";

    public const string Read = "read";
    public const string Submit = "submit";
    public const string JobsAdmin = "jobs-admin";
    public const string Glideins = "glideins";
    public const string Admin = "admin";

    /// <summary>Null when the caller may go on; otherwise the 401/403 problem to answer with.</summary>
    public static ProblemHttpResult? Require(HttpContext http, string scope)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return null;
    }

    /// <summary>Whether the caller holds <paramref name="scope"/> (no answer is produced).</summary>
    public static bool Has(HttpContext http, string scope)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.HasClaim(ClaimType, scope);
    }

    /// <summary>The 403 for a caller acting on something that is not theirs.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: 403, title: "Forbidden", type: ProblemTypes.Forbidden);

    internal static Claim Claim(string scope) => new(ClaimType, scope);
}
