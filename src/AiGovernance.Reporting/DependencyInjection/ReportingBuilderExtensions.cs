using AiGovernance.Core;
using AiGovernance.Reporting;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <see cref="ReportRenderer"/> with validated <see cref="ReportingOptions"/>.</summary>
public static class ReportingBuilderExtensions
{
    /// <summary>Adds report rendering with the default options. Options are validated when the host starts
    /// (<c>ValidateOnStart</c>); calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddReporting(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddServices);

    /// <summary>Adds report rendering and adjusts its options; calling this again adds no service twice, only the further
    /// <paramref name="configure"/> action.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddReporting(this IAiGovernanceBuilder builder, Action<ReportingOptions> configure) =>
        PackageRegistration.Add(builder, AddServices, configure);

    /// <summary>Adds report rendering with options bound from configuration (for example
    /// <c>Configuration.GetSection("Reporting")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="ReportingOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddReporting(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<ReportingOptions>(builder, AddServices, section,
            static (options, configuration) => options.Bind(configuration));

    private static void AddServices(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<ReportingMarker, ReportingOptions, ReportingOptionsValidator, ReportingOptionsCustomValidator>(
            services))
        {
            return;
        }

        services.TryAddSingleton(sp => new ReportRenderer(
            sp.GetRequiredService<IOptions<ReportingOptions>>().Value, sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
    }

    /// <summary>Marks the collection as holding the reporting services, so a second registration adds nothing twice.</summary>
    private sealed class ReportingMarker;
}
