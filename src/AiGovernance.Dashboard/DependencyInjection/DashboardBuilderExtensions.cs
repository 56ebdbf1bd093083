using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Dashboard;
using AiGovernance.Dashboard.Security;
using AiGovernance.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the governance dashboard's services; <c>app.MapAiGovernanceDashboard("/governance")</c> mounts its pages.</summary>
public static class DashboardBuilderExtensions
{
    /// <summary>Adds the dashboard with the default options — which refuse every request until
    /// <see cref="DashboardOptions.ReadPolicy"/> is set. Options are validated when the host starts (<c>ValidateOnStart</c>);
    /// calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddDashboard(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddServices);

    /// <summary>Adds the dashboard and adjusts its options, for example
    /// <c>o => o.ReadPolicy = DashboardPolicies.LocalRequestsOnly</c>. Calling this again adds no service twice, only the
    /// further <paramref name="configure"/> action.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDashboard(this IAiGovernanceBuilder builder, Action<DashboardOptions> configure) =>
        PackageRegistration.Add(builder, AddServices, configure);

    /// <summary>Adds the dashboard with options bound from configuration (for example
    /// <c>Configuration.GetSection("AiGovernance:Dashboard")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="DashboardOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDashboard(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<DashboardOptions>(builder, AddServices, section,
            static (options, configuration) => options.Bind(configuration));

    private static void AddServices(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<DashboardMarker, DashboardOptions, DashboardOptionsValidator, DashboardOptionsCustomValidator>(
            services))
        {
            return;
        }

        services.AddAuthorization();
        services.Configure<AuthorizationOptions>(options =>
            options.AddPolicy(DashboardPolicies.LocalRequestsOnly, policy => policy.AddRequirements(new LocalRequestsOnlyRequirement())));
        services.AddAntiforgery();
        services.AddMetrics();
        services.TryAddSingleton(sp => new DashboardTelemetry(sp.GetRequiredService<IMeterFactory>()));
    }

    /// <summary>Marks the collection as holding the dashboard's services, so a second registration adds nothing twice.</summary>
    private sealed class DashboardMarker;
}
