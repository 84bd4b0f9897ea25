namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// File paths a client names are confined: jobs run as the service's account, so a path must stay
/// inside the principal's working directory or a root an admin allowed. Checked on the text (the
/// description is rendered before anything exists on disk): no <c>..</c> segment, no URL (HTCondor
/// would fetch <c>file://</c> or <c>http://</c> inputs with a plugin), no backslash, and absolute
/// paths must lie under an allowed root. Symbolic links inside the roots are the admin's business.
/// </summary>
internal static class SubmitPaths
{
    /// <summary>The path as rendered (absolute), or a 400 naming <paramref name="field"/>.</summary>
    public static string Confine(string field, string path, string baseDirectory, SubmitContext context)
    {
        var resolved = Resolve(field, path, baseDirectory);
        if (!IsUnder(resolved, context.AllowedRoots))
        {
            throw new SubmitRequestException(field, $"'{field}' ({path}) is outside the working directory {context.WorkingDirectory}{(context.AllowedRoots.Count > 1 ? " and the allowed roots" : string.Empty)}.");
        }

        return resolved;
    }

    /// <summary>Checks the text of a path and makes it absolute against <paramref name="baseDirectory"/>.</summary>
    public static string Resolve(string field, string path, string baseDirectory)
    {
        if (SubmitValueRules.RawProblem(path) is { } problem)
        {
            throw new SubmitRequestException(field, $"'{field}' {problem}.");
        }

        if (path.Contains("://", StringComparison.Ordinal))
        {
            throw new SubmitRequestException(field, $"'{field}' must be a file path, not a URL.");
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            throw new SubmitRequestException(field, $"'{field}' must not contain backslashes.");
        }

        if (path.Split('/').Any(segment => segment == ".."))
        {
            throw new SubmitRequestException(field, $"'{field}' must not contain '..'.");
        }

        var combined = path.StartsWith('/') ? path : Path.Combine(baseDirectory, path);
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(combined));
    }

    public static bool IsUnder(string absolutePath, IEnumerable<string> roots) =>
        roots.Any(root => absolutePath.Equals(root, StringComparison.Ordinal)
            || absolutePath.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal));
}
