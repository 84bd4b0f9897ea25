using CondorActors.Server.Api;
using CondorActors.Server.Security.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Security;

/// <summary><c>/v1/admin</c>: tokens and the audit log, scope <c>admin</c>.</summary>
internal static class AdminApi
{
    public const int DefaultAuditLimit = 100;
    public const int MaxAuditLimit = 1000;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/admin").WithTags("Admin").RequireAuthorization(SecuritySetup.AdminPolicy);
        group.MapPost("/tokens", CreateTokenAsync)
            .WithName("CreateToken").WithSummary("Issues an API token; its text is in this answer only.");
        group.MapGet("/tokens", ListTokensAsync)
            .WithName("GetTokens").WithSummary("Every token (never a secret), newest first.");
        group.MapDelete("/tokens/{id}", RevokeTokenAsync)
            .WithName("RevokeToken").WithSummary("Revokes a token by id; it stops working at once on this node.");
        group.MapGet("/audit", ReadAuditAsync)
            .WithName("GetAudit").WithSummary("Audit records of writes since a time (default: the last 24 h), oldest first.");
        return endpoints;
    }

    private static async Task<Results<Created<CreatedTokenView>, ProblemHttpResult>> CreateTokenAsync(
        HttpContext http, CreateTokenRequest request, TokenRegistry registry, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return ApiProblems.InvalidParameter("name", "A token name is required.");
        }

        if (!TokenLifetime.TryParse(request.Expires, out var lifetime, out var error))
        {
            return ApiProblems.InvalidParameter("expires", error!);
        }

        try
        {
            var (token, text) = await registry.CreateAsync(request.Name, request.Scopes ?? [], lifetime, Principals.NameOf(http), cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/v1/admin/tokens/{token.Id}", new CreatedTokenView(text, TokenView.Of(token, null)));
        }
        catch (ArgumentException e)
        {
            return ApiProblems.InvalidParameter(e.Message.StartsWith("Invalid token name", StringComparison.Ordinal) ? "name" : "scopes", e.Message);
        }
    }

    private static async Task<Ok<IReadOnlyList<TokenView>>> ListTokensAsync(TokenRegistry registry, CancellationToken cancellationToken)
    {
        var tokens = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<TokenView>>([.. tokens.Select(t => TokenView.Of(t, registry.LastUsed(t.Id)))]);
    }

    private static async Task<Results<Ok<TokenView>, ProblemHttpResult>> RevokeTokenAsync(
        HttpContext http, string id, TokenRegistry registry, CancellationToken cancellationToken)
    {
        var tokens = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
        if (tokens.FirstOrDefault(t => t.Id == id) is not { } token)
        {
            return ApiProblems.NotFound($"No token with id '{id}'.");
        }

        // By id only: a name here could revoke several tokens by a typo.
        var revoked = await registry.RevokeAsync(token.Id, Principals.NameOf(http), cancellationToken).ConfigureAwait(false);
        var current = revoked.Count > 0 ? revoked[0] : (await registry.ListAsync(cancellationToken).ConfigureAwait(false)).First(t => t.Id == id);
        return TypedResults.Ok(TokenView.Of(current, registry.LastUsed(id)));
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ProblemHttpResult>> ReadAuditAsync(
        DateTimeOffset? since, string? principal, int? limit, AuditLog audit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxAuditLimit)
        {
            return ApiProblems.InvalidParameter("limit", $"limit must be between 1 and {MaxAuditLimit}.");
        }

        var now = audit.Time.GetUtcNow();
        var from = since ?? now.AddDays(-1);
        if (from < now.AddDays(-366))
        {
            return ApiProblems.InvalidParameter("since", "since may reach back at most 366 days.");
        }

        var records = await audit.ReadAsync(from, principal, limit ?? DefaultAuditLimit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(records);
    }
}
