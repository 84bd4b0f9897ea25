namespace CondorActors.Server.Security;

/// <summary>The outcome of checking a presented token.</summary>
internal sealed record TokenValidation(TokenRecord? Token, string? Failure)
{
    public static TokenValidation Succeeded(TokenRecord token) => new(token, null);

    public static TokenValidation Failed(string reason) => new(null, reason);
}
