using System.Security.Cryptography;

namespace CondorActors.Server.Security;

/// <summary>
/// The token text <c>ca_&lt;id&gt;_&lt;secret&gt;</c>: the id (16 hex digits) finds the stored record
/// without a scan, the secret is 256 random bits in base64url. Only SHA-256 of the secret is stored:
/// with 256 bits of entropy nobody can invert or brute-force it, so a slow password hash adds
/// nothing but latency on every request.
/// </summary>
internal static class TokenSecret
{
    public const string Prefix = "ca_";
    private const int IdBytes = 8;
    private const int SecretBytes = 32;

    /// <summary>A fresh token: its id, the full text (shown once) and the hash to store.</summary>
    public static (string Id, string Text, byte[] Hash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented token; false for anything not shaped like one of ours.</summary>
    public static bool TryParse(string text, out string id, out string secret)
    {
        id = secret = "";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + (2 * IdBytes) + 1 + 43)
        {
            return false;
        }

        var idPart = text.AsSpan(Prefix.Length, 2 * IdBytes);
        if (text[Prefix.Length + (2 * IdBytes)] != '_' || IsNotHex(idPart))
        {
            return false;
        }

        id = idPart.ToString();
        secret = text[(Prefix.Length + (2 * IdBytes) + 1)..];
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison, so response timing tells nothing about how much of a guess matched.</summary>
    public static bool Matches(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static bool IsNotHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
