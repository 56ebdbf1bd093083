using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Dashboard;
using AiGovernance.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
    public static IAiGovernanceBuilder AddDashboard(this IAiGovernanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        return builder;
    }

    /// <summary>Adds the dashboard and adjusts its options, for example
    /// <c>o => o.ReadPolicy = DashboardPolicies.LocalRequestsOnly</c>. Calling this again adds no service twice, only the
    /// further <paramref name="configure"/> action.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDashboard(this IAiGovernanceBuilder builder, Action<DashboardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the dashboard with options bound from configuration (for example
    /// <c>Configuration.GetSection("AiGovernance:Dashboard")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="DashboardOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddDashboard(this IAiGovernanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddCore(builder.Services);
        builder.Services.AddOptions<DashboardOptions>().Bind(section);
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddAiGovernance();
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(DashboardMarker))
            {
                return;
            }
        }

        services.AddSingleton<DashboardMarker>();
        services.AddOptions<DashboardOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsCustomValidator>());
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
