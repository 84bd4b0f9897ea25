using Microsoft.AspNetCore.Authorization;

namespace CondorActors.Server.Security;

/// <summary>
/// Requires a scope. With <see cref="SafeMethodsOnly"/> the scope is required for GET/HEAD only and
/// other methods need just an authenticated principal: a write route added to a read group then
/// decides itself (<see cref="Scopes.Require"/>) instead of inheriting <c>read</c>.
/// </summary>
internal sealed class ScopeRequirement(string scope, bool safeMethodsOnly = false)
    : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    /// <summary>Where a failed check leaves the scope it wanted, for the 403 problem's detail.</summary>
    public const string MissingScopeKey = "condoractors.missing-scope";

    public string Scope { get; } = scope;

    public bool SafeMethodsOnly { get; } = safeMethodsOnly;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }

        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        if ((requirement.SafeMethodsOnly && !safe) || Scopes.Has(http, requirement.Scope))
        {
            context.Succeed(requirement);
        }
        else
        {
            http.Items[MissingScopeKey] = requirement.Scope;
        }

        return Task.CompletedTask;
    }
}
