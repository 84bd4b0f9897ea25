using System.Text.RegularExpressions;

namespace CondorActors.Kernel.Configuration;

/// <summary>
/// Masks secrets before configuration is shown: values of keys named like password, secret,
/// token, private-key, api-key, cursor-key become <c>***</c>; connection strings keep their shape but
/// lose their password (<c>Password=***</c>, <c>postgres://user:***@host</c>).
/// </summary>
public static partial class SecretMasker
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretNames = ["password", "passwd", "secret", "token", "private-key", "api-key", "cursor-key", "client-secret", "credentials"];

    /// <summary>The value to display for configuration <paramref name="key"/> (any delimiter: ':' or '.').</summary>
    public static string? MaskValue(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var last = key[(key.LastIndexOfAny([':', '.']) + 1)..].ToLowerInvariant();
        if (IsSecretName(last))
        {
            return Mask;
        }

        return last == "connection-string" || last.EndsWith("-connection-string", StringComparison.Ordinal)
            ? MaskConnectionString(value)
            : value;
    }

    /// <summary>True for keys whose value is a secret (<c>password</c>, <c>db-password</c>, <c>token</c>...).</summary>
    public static bool IsSecretName(string name)
    {
        foreach (var secret in SecretNames)
        {
            if (name == secret || name.EndsWith("-" + secret, StringComparison.Ordinal) || name.EndsWith("_" + secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Masks the password of an ADO.NET (<c>k=v;</c>) or URI connection string.</summary>
    public static string MaskConnectionString(string value)
    {
        var masked = UriCredentials().Replace(value, m => m.Groups["pre"].Value + Mask + "@");
        return KeyValuePassword().Replace(masked, m => m.Groups["key"].Value + "=" + Mask);
    }

    [GeneratedRegex(@"(?<pre>[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s]*@", RegexOptions.IgnoreCase)]
    private static partial Regex UriCredentials();

    [GeneratedRegex(@"(?<key>(?:^|(?<=;))\s*(?:password|pwd|user password|passwd))\s*=\s*(?:'[^']*'|""[^""]*""|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();
}
