namespace CondorActors.Server.Security;

/// <summary>Body of <c>POST /v1/admin/tokens</c>: <c>expires</c> is a lifetime such as <c>30d</c>; absent = never.</summary>
internal sealed record CreateTokenRequest(string? Name, IReadOnlyList<string>? Scopes, string? Expires);

/// <summary>A token as the admin API shows it: everything but the secret and its hash.</summary>
internal sealed record TokenView(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    string CreatedBy,
    DateTimeOffset? Revoked,
    string? RevokedBy,
    DateTimeOffset? LastUsed)
{
    public static TokenView Of(TokenRecord token, DateTimeOffset? lastUsed) =>
        new(token.Id, token.Name, token.Scopes, token.Created, token.Expires, token.CreatedBy, token.Revoked, token.RevokedBy, lastUsed);
}

/// <summary>Answer of token creation: the one time the token text is shown.</summary>
internal sealed record CreatedTokenView(string Token, TokenView Details);
