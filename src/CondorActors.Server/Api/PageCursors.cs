using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CondorActors.Server.Api;

/// <summary>
/// Opaque page cursors: a position (the last job id for the queue, an offset for history and
/// status) bound to the query it belongs to (a hash of its normalized key), signed with HMAC-SHA256
/// so a client cannot forge or edit one. Format: <c>base64url(json).base64url(mac)</c>.
/// </summary>
internal sealed class PageCursors
{
    private readonly byte[] _key;

    public PageCursors(ApiOptions options)
    {
        _key = options.CursorKey is { } secret ? SHA256.HashData(Encoding.UTF8.GetBytes(secret)) : RandomNumberGenerator.GetBytes(32);
    }

    public string Create(string queryKey, PagePosition position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CursorPayload(Fingerprint(queryKey), position.Cluster, position.Proc, position.Offset));
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Mac(payload));
    }

    /// <summary>The position in <paramref name="cursor"/>, or null when it is malformed, forged or from another query.</summary>
    public PagePosition? Read(string cursor, string queryKey)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        try
        {
            var payload = WebEncoders.Base64UrlDecode(cursor[..dot]);
            var mac = WebEncoders.Base64UrlDecode(cursor[(dot + 1)..]);
            if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
            {
                return null;
            }

            var decoded = JsonSerializer.Deserialize<CursorPayload>(payload);
            return decoded is not null && decoded.F == Fingerprint(queryKey) ? new PagePosition(decoded.C, decoded.P, decoded.O) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Fingerprint(string queryKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(queryKey)), 0, 12);

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(_key, payload);

    // Short names keep cursors short; they are opaque to clients anyway.
    private sealed record CursorPayload(string F, int? C, int? P, int? O);
}

/// <summary>Where the next page starts: after job <c>Cluster.Proc</c>, or after <c>Offset</c> items.</summary>
internal sealed record PagePosition(int? Cluster, int? Proc, int? Offset);
