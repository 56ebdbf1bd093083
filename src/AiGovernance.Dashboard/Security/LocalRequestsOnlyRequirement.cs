using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace AiGovernance.Dashboard.Security;

/// <summary>The requirement behind <see cref="DashboardPolicies.LocalRequestsOnly"/>: the request came from a loopback address.</summary>
internal sealed class LocalRequestsOnlyRequirement : AuthorizationHandler<LocalRequestsOnlyRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LocalRequestsOnlyRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (http?.Connection.RemoteIpAddress is { } remote && IsLocal(remote))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    internal static bool IsLocal(IPAddress remote) =>
        IPAddress.IsLoopback(remote) || (remote.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(remote.MapToIPv4()));
}
