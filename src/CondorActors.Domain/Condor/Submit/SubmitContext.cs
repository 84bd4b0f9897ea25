using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// Who submits and where: the principal, its working directory (<c>{working-root}/{principal}</c>,
/// the jobs' default <c>initialdir</c>) and the request id every job of the request carries.
/// </summary>
public sealed partial record SubmitContext
{
    public SubmitContext(string principal, string requestId, SubmitOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(options);
        Principal = principal;
        RequestId = requestId;
        WorkingDirectory = Path.Combine(Path.GetFullPath(options.WorkingRoot), DirectoryName(principal));
        AllowedRoots = [WorkingDirectory, .. options.AllowedRoots.Select(root => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)))];
    }

    public string Principal { get; }

    public string RequestId { get; }

    /// <summary>The principal's own directory (absolute).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The working directory, then the roots an admin allowed.</summary>
    public IReadOnlyList<string> AllowedRoots { get; }

    /// <summary>
    /// The principal's directory name: the name itself when it is a plain file name, otherwise
    /// (slashes, dots only, odd characters) a stable hash, so no principal name can point elsewhere.
    /// </summary>
    public static string DirectoryName(string principal)
    {
        if (PlainName().IsMatch(principal))
        {
            return principal;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(principal));
        return "p-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
