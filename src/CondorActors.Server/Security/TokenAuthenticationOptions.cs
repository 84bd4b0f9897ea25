using Microsoft.AspNetCore.Authentication;

namespace CondorActors.Server.Security;

/// <summary>Options of <see cref="TokenAuthenticationHandler"/>.</summary>
internal sealed class TokenAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>GET and HEAD without credentials authenticate as <c>anonymous</c> with scope <c>read</c>.</summary>
    public bool AnonymousRead { get; set; }
}
