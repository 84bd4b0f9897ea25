using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Kernel.Persistence;

namespace CondorActors.Server.Security;

/// <summary>
/// API tokens, event-sourced in the journal under one persistence id (<c>TokenCreated</c>,
/// <c>TokenRevoked</c>). The in-memory table is rebuilt by replay and caught up from the journal
/// (a) on an unknown token id, so a token made by <c>condoractors token create</c> in another
/// process works at once, and (b) at most every <see cref="AuthSettings.TokenRefreshInterval"/>
/// when a known token is used, so a revocation by another process takes effect within it.
/// Writes are optimistic: a sequence number taken by another writer means catch up and retry.
/// </summary>
internal sealed partial class TokenRegistry
{
    public const string PersistenceId = "api-tokens";
    private const int MaxWriteAttempts = 5;

    private readonly IJournal _journal;
    private readonly TimeProvider _time;
    private readonly string _writerNode;
    private readonly TimeSpan _refreshInterval;
    private readonly EventTypeRegistry _types = new EventTypeRegistry()
        .Register<TokenCreated>("token-created.v1")
        .Register<TokenRevoked>("token-revoked.v1");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastUsed = new(StringComparer.Ordinal);
    private volatile TokenTable _table = TokenTable.Empty;
    private long _lastCatchUpStarted = long.MinValue;

    public TokenRegistry(IJournal journal, TimeProvider time, JournalOptions journalOptions, AuthSettings options)
    {
        _journal = journal;
        _time = time;
        _writerNode = journalOptions.WriterNode;
        _refreshInterval = options.TokenRefreshInterval;
    }

    /// <summary>Issues a token; the returned text is the only time its secret exists outside the client.</summary>
    public async Task<(TokenRecord Token, string Text)> CreateAsync(
        string name, IReadOnlyList<string> scopes, TimeSpan? lifetime, string createdBy, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var validScopes = ApiScopes.Validate(scopes, out var unknown);
        if (unknown.Count > 0 || validScopes.Count == 0)
        {
            throw new ArgumentException(unknown.Count > 0
                ? $"Unknown scope(s): {string.Join(", ", unknown)} (known: {string.Join(", ", ApiScopes.All)})."
                : $"At least one scope is required (known: {string.Join(", ", ApiScopes.All)}).");
        }

        if (lifetime is { } span && span <= TimeSpan.Zero)
        {
            throw new ArgumentException("The lifetime must be positive.");
        }

        var (id, text, hash) = TokenSecret.Generate();
        var now = _time.GetUtcNow();
        var created = new TokenCreated(id, name, validScopes, Convert.ToBase64String(hash), now, now + lifetime, createdBy);
        await AppendAsync([created], cancellationToken).ConfigureAwait(false);
        return (_table.Tokens[id], text);
    }

    /// <summary>
    /// Revokes the token with this id, or every active token with this name. Returns the tokens
    /// revoked now (empty when none matched or all were already revoked).
    /// </summary>
    public async Task<IReadOnlyList<TokenRecord>> RevokeAsync(string idOrName, string revokedBy, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var targets = _table.Tokens.TryGetValue(idOrName, out var byId)
                ? (byId.Revoked is null ? [byId] : [])
                : _table.Tokens.Values.Where(t => t.Name == idOrName && t.Revoked is null).ToList();
            if (targets.Count == 0)
            {
                return [];
            }

            try
            {
                await AppendAsync([.. targets.Select(t => new TokenRevoked(t.Id, now, revokedBy))], cancellationToken, retry: false).ConfigureAwait(false);
                return [.. targets.Select(t => _table.Tokens[t.Id])];
            }
            catch (JournalConcurrencyException) when (attempt < MaxWriteAttempts)
            {
                // Another process wrote meanwhile: decide again on the fresh table.
            }
        }
    }

    /// <summary>Every token, newest first, after catching up with other writers.</summary>
    public async Task<IReadOnlyList<TokenRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        return [.. _table.Tokens.Values.OrderByDescending(t => t.Created).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>When this process last accepted the token (not persisted: a per-process hint).</summary>
    public DateTimeOffset? LastUsed(string id) => _lastUsed.TryGetValue(id, out var at) ? at : null;

    /// <summary>Checks a presented token text; the failure reason never contains the token.</summary>
    public async Task<TokenValidation> ValidateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!TokenSecret.TryParse(presented, out var id, out var secret))
        {
            return TokenValidation.Failed("The token is malformed.");
        }

        var asked = _time.GetTimestamp();
        if (!_table.Tokens.ContainsKey(id) || IsStale())
        {
            await CatchUpAsync(cancellationToken, notBefore: asked).ConfigureAwait(false);
        }

        // Unknown and wrong secret answer alike, so a caller cannot probe which ids exist.
        if (!_table.Tokens.TryGetValue(id, out var token) || !TokenSecret.Matches(secret, token.SecretHash))
        {
            return TokenValidation.Failed("The token is not valid.");
        }

        var now = _time.GetUtcNow();
        if (token.Revoked is not null)
        {
            return TokenValidation.Failed("The token has been revoked.");
        }

        if (token.Expires <= now)
        {
            return TokenValidation.Failed("The token has expired.");
        }

        _lastUsed[id] = now;
        return TokenValidation.Succeeded(token);
    }

    /// <summary>
    /// Applies events other writers stored since the last catch-up. Callers that arrived while
    /// another catch-up ran after they asked share its result instead of querying again, so a
    /// flood of unknown tokens costs one query at a time, not one each.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken, long? notBefore = null)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (notBefore is { } asked && Volatile.Read(ref _lastCatchUpStarted) >= asked)
            {
                return;
            }

            await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsStale()
    {
        var last = Volatile.Read(ref _lastCatchUpStarted);
        return last == long.MinValue || _time.GetElapsedTime(last) >= _refreshInterval;
    }

    private async Task CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastCatchUpStarted, _time.GetTimestamp());
        var table = _table;
        await _journal.ReplayAsync(PersistenceId, table.SequenceNr + 1, long.MaxValue, entry =>
        {
            table = table.Apply(_types.Deserialize(entry.Manifest, entry.Payload), entry.SequenceNr);
            return ValueTask.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        _table = table;
    }

    private async Task AppendAsync(IReadOnlyList<object> events, CancellationToken cancellationToken, bool retry = true)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
                var table = _table;
                var entries = new List<JournalEntry>(events.Count);
                foreach (var @event in events)
                {
                    var (manifest, payload) = _types.Serialize(@event);
                    entries.Add(new JournalEntry(PersistenceId, table.SequenceNr + entries.Count + 1, manifest, payload, _time.GetUtcNow(), _writerNode));
                }

                try
                {
                    await _journal.WriteAsync(entries, cancellationToken).ConfigureAwait(false);
                }
                catch (JournalConcurrencyException) when (retry && attempt < MaxWriteAttempts)
                {
                    continue;
                }

                for (var i = 0; i < events.Count; i++)
                {
                    table = table.Apply(events[i], entries[i].SequenceNr);
                }

                _table = table;
                return;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void ValidateName(string name)
    {
        if (!NamePattern().IsMatch(name) || name == Principals.Anonymous)
        {
            throw new ArgumentException(
                $"Invalid token name '{name}': 1-64 characters of letters, digits, '.', '_', '@', '-', starting with a letter or digit; '{Principals.Anonymous}' is reserved.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();
}
