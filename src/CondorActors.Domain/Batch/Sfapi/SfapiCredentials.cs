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

    public static SfapiCredentials Load(string path)
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
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var clientId = (newline < 0 ? text : text[..newline]).Trim();
        if (clientId.Length == 0 || clientId.StartsWith("-----", StringComparison.Ordinal) || clientId.Any(char.IsWhiteSpace))
        {
            throw new BatchCommandException($"Superfacility key file {path} does not start with a client id line.");
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
