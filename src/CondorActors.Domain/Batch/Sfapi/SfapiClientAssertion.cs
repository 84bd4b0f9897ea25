using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CondorActors.Domain.Batch.Sfapi;

/// <summary>
/// The private-key JWT client assertion of RFC 7523 / OIDC "private_key_jwt": RS256, iss = sub =
/// client id, aud = token URL, a short exp and a random jti (the token endpoint rejects reuse).
/// </summary>
internal static class SfapiClientAssertion
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(SfapiCredentials credentials, Uri audience, DateTimeOffset now, TimeSpan lifetime)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT" });
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = credentials.ClientId,
            ["sub"] = credentials.ClientId,
            ["aud"] = audience.AbsoluteUri,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        });
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = credentials.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
