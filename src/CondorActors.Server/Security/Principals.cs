namespace CondorActors.Server.Security;

/// <summary>
/// Who is calling. The seam between the write API and authentication: handlers ask here, the
/// authentication layer (tokens, <c>Auth:</c> header) decides. Until a request is authenticated
/// its principal is <see cref="Anonymous"/>.
/// </summary>
internal static class Principals
{
    public const string Anonymous = "anonymous";

    /// <summary>The caller's principal name (<c>HttpContext.User.Identity.Name</c>), or <c>anonymous</c>.</summary>
    public static string NameOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var identity = http.User.Identity;
        return identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
    }
}
