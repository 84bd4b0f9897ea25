namespace CondorActors.Server.Security;

/// <summary>A token was issued. Only the SHA-256 of its secret is kept (base64).</summary>
internal sealed record TokenCreated(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string SecretHash,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    string CreatedBy);

/// <summary>A token was revoked; it never authenticates again.</summary>
internal sealed record TokenRevoked(string Id, DateTimeOffset Revoked, string RevokedBy);
