namespace CondorActors.Server.Security;

/// <summary>What the registry knows of one token; never its secret.</summary>
internal sealed record TokenRecord(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    byte[] SecretHash,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    string CreatedBy,
    DateTimeOffset? Revoked = null,
    string? RevokedBy = null)
{
    public bool IsActive(DateTimeOffset now) => Revoked is null && (Expires is null || Expires > now);
}
