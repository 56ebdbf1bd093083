using AiGovernance.Core;
using AiGovernance.Samples.Extensions.ChangeFreeze;
using AiGovernance.Samples.Extensions.Incidents;
using AiGovernance.Samples.Extensions.Lending;
using AiGovernance.Samples.Extensions.Ticketing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sample's extensions on the <see cref="IAiGovernanceBuilder"/>, each through the package's own
/// helper (<c>AddRiskRule</c>, <c>AddDriftResponseHandler</c>, <c>AddRolloutCheck</c>). Registering twice adds nothing twice.</summary>
public static class ExtensionsSampleBuilderExtensions
{
    /// <summary>Adds the Gates package (if absent) and the <see cref="ConsumerLendingRiskRule"/>, which the
    /// <c>RiskClassifier</c> then consults beside the EU AI Act and internal rules.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddConsumerLendingRiskRule(this IAiGovernanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddGates().AddRiskRule<ConsumerLendingRiskRule>();
    }

    /// <summary>Adds drift monitoring (if absent), the in-memory <see cref="ITicketSystem"/> (unless one is registered)
    /// and the <see cref="DriftTicketHandler"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the queue and minimum severity; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddDriftTicketing(this IAiGovernanceBuilder builder, Action<DriftTicketOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMonitoring();
        builder.Services.TryAddSingleton<ITicketSystem>(sp => new InMemoryTicketSystem(sp.GetRequiredService<TimeProvider>()));
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder.AddDriftResponseHandler<DriftTicketHandler>();
    }

    /// <summary>Adds Gates and drift monitoring (if absent), the <see cref="DriftIncidentHandler"/> (critical drift raises a
    /// serious-incident record) and the <see cref="OversightIncidentForwarder"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the minimum drift severity and the oversight warning kinds; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddSeriousIncidentRaising(this IAiGovernanceBuilder builder, Action<IncidentRaisingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGates().AddMonitoring();
        builder.Services.TryAddSingleton<OversightIncidentForwarder>();
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder.AddDriftResponseHandler<DriftIncidentHandler>();
    }

    /// <summary>Adds deployment strategies (if absent) and the <see cref="ChangeFreezeRolloutCheck"/>, with its options
    /// validated at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adds freeze windows and adjusts business hours.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddChangeFreezeCheck(this IAiGovernanceBuilder builder, Action<ChangeFreezeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddChangeFreezeCheckCore(builder).Configure(configure);
        return builder;
    }

    /// <summary>Adds the <see cref="ChangeFreezeRolloutCheck"/> with options bound from configuration, for example
    /// <c>configuration.GetSection("ChangeFreeze")</c> holding <c>Windows:0:Start</c>, <c>Windows:0:End</c>,
    /// <c>Windows:0:Reason</c>, <c>TimeZoneId</c> and <c>BusinessHoursOnly</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddChangeFreezeCheck(this IAiGovernanceBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddChangeFreezeCheckCore(builder).Bind(section);
        return builder;
    }

    private static OptionsBuilder<ChangeFreezeOptions> AddChangeFreezeCheckCore(IAiGovernanceBuilder builder)
    {
        builder.AddDeployment();
        builder.AddRolloutCheck<ChangeFreezeRolloutCheck>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChangeFreezeOptions>, ChangeFreezeOptionsValidator>());
        return builder.Services.AddOptions<ChangeFreezeOptions>().ValidateOnStart();
    }
}
