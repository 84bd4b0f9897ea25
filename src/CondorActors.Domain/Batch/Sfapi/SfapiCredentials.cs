using System.Security.Cryptography;

namespace CondorActors.Domain.Batch.Sfapi;

/// <summary>
/// The client id and RSA private key from a Superfacility key file (client id on the first line,
/// then the PEM key, as NERSC's Iris hands them out). The key never leaves this object except as
/// signatures; ToString does not show it.
/// </summary>
internal sealed class SfapiCredentials : IDisposable
{
    private SfapiCredentials(string clientId, RSA key)
    {
        ClientId = clientId;
        Key = key;
    }

    public string ClientId { get; }

    public RSA Key { get; }

    /// <summary>
    /// Reads the key file. With <paramref name="configuredClientId"/> (<c>sfapi.client-id</c>) the
    /// file may be the bare PEM key; a client id line in it must then name the same client.
    /// </summary>
    public static SfapiCredentials Load(string path, string? configuredClientId = null)
    {
        if (!File.Exists(path))
        {
            throw new BatchCommandException($"Superfacility key file {path} does not exist.");
        }

        if (!OperatingSystem.IsWindows() &&
            (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            throw new BatchCommandException($"Superfacility key file {path} is readable by others; chmod 600 it.");
        }

        var text = File.ReadAllText(path);
        var bareKey = text.TrimStart().StartsWith("-----", StringComparison.Ordinal);
        var newline = bareKey ? -1 : text.IndexOf('\n', StringComparison.Ordinal);
        var fileClientId = bareKey ? "" : (newline < 0 ? text : text[..newline]).Trim();
        var clientId = string.IsNullOrWhiteSpace(configuredClientId) ? fileClientId : configuredClientId.Trim();
        if (clientId.Length == 0 || clientId.StartsWith("-----", StringComparison.Ordinal) || clientId.Any(char.IsWhiteSpace))
        {
            throw new BatchCommandException($"Superfacility key file {path} does not start with a client id line (or set sfapi.client-id).");
        }

        if (fileClientId.Length > 0 && !string.IsNullOrWhiteSpace(configuredClientId) && fileClientId != clientId)
        {
            throw new BatchCommandException($"Superfacility key file {path} belongs to client {fileClientId}, not the configured client {clientId}.");
        }

        var key = RSA.Create();
        try
        {
            key.ImportFromPem(text.AsSpan(newline + 1));
        }
        catch (ArgumentException ex)
        {
            key.Dispose();

            // The exception text may quote the key: do not pass it on.
            throw new BatchCommandException($"Superfacility key file {path} has no readable RSA private key ({ex.GetType().Name}).");
        }

        return new SfapiCredentials(clientId, key);
    }

    public void Dispose() => Key.Dispose();

    public override string ToString() => $"SfapiCredentials({ClientId})";
}
