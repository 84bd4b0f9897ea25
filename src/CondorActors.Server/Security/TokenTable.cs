using System.Collections.Immutable;

namespace CondorActors.Server.Security;

/// <summary>
/// The registry's state: every token ever issued, folded from the journal's events. Immutable, so
/// request threads read it without locks while one writer swaps in the next version.
/// </summary>
internal sealed record TokenTable(ImmutableDictionary<string, TokenRecord> Tokens, long SequenceNr)
{
    public static readonly TokenTable Empty = new(ImmutableDictionary<string, TokenRecord>.Empty.WithComparers(StringComparer.Ordinal), 0);

    public TokenTable Apply(object @event, long sequenceNr) => @event switch
    {
        TokenCreated created => this with
        {
            Tokens = Tokens.SetItem(created.Id, new TokenRecord(
                created.Id, created.Name, created.Scopes, Convert.FromBase64String(created.SecretHash), created.Created, created.Expires, created.CreatedBy)),
            SequenceNr = sequenceNr,
        },
        TokenRevoked revoked when Tokens.TryGetValue(revoked.Id, out var token) => this with
        {
            // The first revocation wins: a second one (from another process racing) changes nothing.
            Tokens = token.Revoked is null ? Tokens.SetItem(revoked.Id, token with { Revoked = revoked.Revoked, RevokedBy = revoked.RevokedBy }) : Tokens,
            SequenceNr = sequenceNr,
        },
        _ => this with { SequenceNr = sequenceNr },
    };
}
