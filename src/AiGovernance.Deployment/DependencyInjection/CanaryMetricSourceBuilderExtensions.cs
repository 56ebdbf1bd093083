using AiGovernance.Core;
using AiGovernance.Deployment.Canary.Metrics;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an <see cref="ICanaryMetricSource"/>: Prometheus' HTTP API or the service's own OpenTelemetry
/// histogram. The first registered source is the one resolved; options are validated when the host starts.</summary>
public static class CanaryMetricSourceBuilderExtensions
{
    /// <summary>Reads canary traffic from Prometheus with options configured elsewhere (the server address is required).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddPrometheusCanaryMetrics(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddPrometheus);

    /// <summary>Reads canary traffic from Prometheus.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Sets the server address and, if needed, the templates.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddPrometheusCanaryMetrics(this IAiGovernanceBuilder builder,
        Action<PrometheusCanaryMetricSourceOptions> configure) =>
        PackageRegistration.Add(builder, AddPrometheus, configure);

    /// <summary>Reads canary traffic from Prometheus with options bound from configuration.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The section holding <see cref="PrometheusCanaryMetricSourceOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddPrometheusCanaryMetrics(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<PrometheusCanaryMetricSourceOptions>(builder, AddPrometheus, section,
            static (options, configuration) => options.Bind(configuration));

    /// <summary>Reads canary traffic from the service's own OpenTelemetry histogram
    /// (<see cref="CanaryInstruments.RequestDuration"/> by default).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddOpenTelemetryCanaryMetrics(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddOpenTelemetry);

    /// <summary>Reads canary traffic from the service's own OpenTelemetry histogram.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Names the histogram and its tags.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddOpenTelemetryCanaryMetrics(this IAiGovernanceBuilder builder,
        Action<OpenTelemetryCanaryMetricSourceOptions> configure) =>
        PackageRegistration.Add(builder, AddOpenTelemetry, configure);

    /// <summary>Reads canary traffic from the service's own OpenTelemetry histogram with options bound from configuration.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The section holding <see cref="OpenTelemetryCanaryMetricSourceOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddOpenTelemetryCanaryMetrics(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<OpenTelemetryCanaryMetricSourceOptions>(builder, AddOpenTelemetry, section,
            static (options, configuration) => options.Bind(configuration));

    private static void AddPrometheus(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<PrometheusMarker, PrometheusCanaryMetricSourceOptions, PrometheusCanaryMetricSourceOptionsValidator,
                PrometheusCanaryMetricSourceOptionsCustomValidator>(services))
        {
            return;
        }

        services.AddHttpClient(PrometheusCanaryMetricSourceOptions.HttpClientName);
        services.TryAddSingleton(sp => new PrometheusCanaryMetricSource(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<PrometheusCanaryMetricSourceOptions>>().Value));
        services.TryAddSingleton<ICanaryMetricSource>(sp => sp.GetRequiredService<PrometheusCanaryMetricSource>());
    }

    private static void AddOpenTelemetry(IServiceCollection services)
    {
        services.AddAiGovernance();
        if (services.Any(d => d.ServiceType == typeof(OpenTelemetryMarker)))
        {
            return;
        }

        services.AddSingleton(new OpenTelemetryMarker());
        services.AddOptions<OpenTelemetryCanaryMetricSourceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenTelemetryCanaryMetricSourceOptions>,
            OpenTelemetryCanaryMetricSourceOptionsValidator>());
        services.TryAddSingleton<OpenTelemetryCanaryMetricSource>();
        services.TryAddSingleton<ICanaryMetricSource>(sp => sp.GetRequiredService<OpenTelemetryCanaryMetricSource>());
    }

    private sealed class PrometheusMarker;

    private sealed class OpenTelemetryMarker;
}
