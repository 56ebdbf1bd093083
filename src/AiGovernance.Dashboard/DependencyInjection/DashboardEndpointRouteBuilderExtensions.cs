using AiGovernance.Dashboard;
using AiGovernance.Dashboard.Endpoints;
using AiGovernance.Dashboard.Pages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Mounts the governance dashboard in an ASP.NET Core application.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>Maps the dashboard's pages under <paramref name="pathPrefix"/>: the inventory at the prefix itself,
    /// <c>/systems/{id}</c>, <c>/audit</c>, and the actions <c>POST /audit/verify</c> and
    /// <c>POST /systems/{id}/warnings/acknowledge</c>.</summary>
    /// <remarks>
    /// <para>Every route under the prefix, unknown ones included, first sets a strict Content-Security-Policy (no script, one
    /// hashed style sheet, images only as <c>data:</c>, no framing) and then requires <see cref="DashboardOptions.ReadPolicy"/>:
    /// without one every request gets 403. Actions also require <see cref="DashboardOptions.ActionPolicy"/> and an antiforgery
    /// token; without an action policy the dashboard is read-only.</para>
    /// <para>Pages read the stores registered in DI: <c>IAuditLog</c> and <c>IGovernanceReportStore</c> (Core), <c>IAiInventory</c>,
    /// <c>ContinuationReviewSchedule</c> and <c>SeriousIncidentRegister</c> (Gates), <c>IRolloutStateStore</c> (Deployment) and an
    /// optional <see cref="IAuditCheckpointSource"/>.</para>
    /// </remarks>
    /// <param name="endpoints">The application.</param>
    /// <param name="pathPrefix">Where to mount, for example <c>/governance</c>.</param>
    /// <returns>A builder for conventions applying to every dashboard endpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pathPrefix"/> does not start with <c>/</c>, ends with <c>/</c> or holds a
    /// route parameter.</exception>
    /// <exception cref="InvalidOperationException"><c>AddDashboard</c> was not called.</exception>
    public static IEndpointConventionBuilder MapAiGovernanceDashboard(this IEndpointRouteBuilder endpoints, string pathPrefix = "/governance")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathPrefix);
        if (!pathPrefix.StartsWith('/') || pathPrefix.Length < 2 || pathPrefix.EndsWith('/') || pathPrefix.IndexOfAny(['{', '}', '*', '?', '#']) >= 0)
        {
            throw new ArgumentException(
                $"The dashboard's path prefix must be a literal path such as /governance; '{pathPrefix}' is not.", nameof(pathPrefix));
        }

        if (endpoints.ServiceProvider.GetService<DashboardTelemetry>() is null)
        {
            throw new InvalidOperationException(
                "The governance dashboard's services are not registered: call services.AddAiGovernance(b => b.AddDashboard(...)).");
        }

        var handler = new DashboardRequestHandler(endpoints.ServiceProvider, pathPrefix);
        var group = endpoints.MapGroup(pathPrefix);
        group.MapGet("/", handler.Page("inventory", InventoryPage.RenderAsync));
        group.MapGet("/systems/{systemId}", handler.Page("system", SystemPage.RenderAsync));
        group.MapGet("/audit", handler.Page("audit", AuditTrailPage.RenderAsync));
        group.MapPost("/audit/verify", handler.Action("verify", DashboardActions.VerifyAsync));
        group.MapPost("/systems/{systemId}/warnings/acknowledge", handler.Action("acknowledge", DashboardActions.AcknowledgeAsync));
        group.Map("/{**rest}", handler.Page("not-found", NotFoundPage.RenderAsync));
        return group;
    }
}
