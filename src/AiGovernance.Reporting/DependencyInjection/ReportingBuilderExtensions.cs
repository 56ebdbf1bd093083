using AiGovernance.Core;
using AiGovernance.Reporting;
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
    public static IAiGovernanceBuilder AddReporting(this IAiGovernanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        return builder;
    }

    /// <summary>Adds report rendering and adjusts its options; calling this again adds no service twice, only the further
    /// <paramref name="configure"/> action.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddReporting(this IAiGovernanceBuilder builder, Action<ReportingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds report rendering with options bound from configuration (for example
    /// <c>Configuration.GetSection("Reporting")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="ReportingOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddReporting(this IAiGovernanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddCore(builder.Services);
        builder.Services.AddOptions<ReportingOptions>().Bind(section);
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ReportingMarker))
            {
                return;
            }
        }

        services.AddSingleton<ReportingMarker>();
        services.AddOptions<ReportingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportingOptions>, ReportingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportingOptions>, ReportingOptionsCustomValidator>());
        services.TryAddSingleton(sp => new ReportRenderer(
            sp.GetRequiredService<IOptions<ReportingOptions>>().Value, sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
    }

    /// <summary>Marks the collection as holding the reporting services, so a second registration adds nothing twice.</summary>
    private sealed class ReportingMarker;
}
