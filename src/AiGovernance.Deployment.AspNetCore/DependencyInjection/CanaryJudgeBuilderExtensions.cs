using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Deployment.AspNetCore;
using AiGovernance.Deployment.AspNetCore.Judge;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the canary judge (map it with <c>app.MapCanaryJudge("/canary")</c>); an <c>ICanaryMetricSource</c> must be
/// registered too (<c>AddPrometheusCanaryMetrics</c> or <c>AddOpenTelemetryCanaryMetrics</c>).</summary>
public static class CanaryJudgeBuilderExtensions
{
    /// <summary>Adds the canary judge with options configured elsewhere; the authorization policy must be set before mapping.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddCanaryJudge(this IAiGovernanceBuilder builder) => PackageRegistration.Add(builder, AddCore);

    /// <summary>Adds the canary judge and adjusts its options (validated at start).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Sets the authorization policy and, if needed, the defaults and thresholds.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddCanaryJudge(this IAiGovernanceBuilder builder, Action<CanaryJudgeOptions> configure) =>
        PackageRegistration.Add(builder, AddCore, configure);

    /// <summary>Adds the canary judge with options bound from configuration.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The section holding <see cref="CanaryJudgeOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddCanaryJudge(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<CanaryJudgeOptions>(builder, AddCore, section, static (options, configuration) => options.Bind(configuration));

    private static void AddCore(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<CanaryJudgeMarker, CanaryJudgeOptions, CanaryJudgeOptionsValidator,
                CanaryJudgeOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton(sp => new CanaryJudgeTelemetry(sp.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton<CanaryJudge>();
    }

    private sealed class CanaryJudgeMarker;
}
