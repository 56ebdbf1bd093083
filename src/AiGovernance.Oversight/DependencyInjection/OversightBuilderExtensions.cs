using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Oversight;
using AiGovernance.Oversight.Review;
using AiGovernance.Oversight.Routing;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers human oversight: the <see cref="ReviewRouter"/>, the <see cref="IndependentReviewProtocol"/> and an
/// <see cref="IReviewLog"/>, configured by validated <see cref="OversightOptions"/>.</summary>
public static class OversightBuilderExtensions
{
    /// <summary>Adds oversight services with the default options. Options are validated when the host starts
    /// (<c>ValidateOnStart</c>); calling this again adds nothing.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddOversight(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddCore);

    /// <summary>Adds oversight services and adjusts their options. Options are validated when the host starts
    /// (<c>ValidateOnStart</c>); calling this again adds no service twice, only the further <paramref name="configure"/> action.</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddOversight(this IAiGovernanceBuilder builder, Action<OversightOptions> configure) =>
        PackageRegistration.Add(builder, AddCore, configure);

    /// <summary>Adds oversight services with options bound from configuration (for example <c>Configuration.GetSection("Oversight")</c>).</summary>
    /// <param name="builder">The builder from <c>services.AddAiGovernance()</c>.</param>
    /// <param name="section">The configuration section holding <see cref="OversightOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddOversight(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<OversightOptions>(builder, AddCore, section, static (options, configuration) => options.Bind(configuration));

    /// <summary>Stores completed reviews as durable JSON lines at <paramref name="path"/>, replacing the in-memory review log.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file's path; reopening continues the log.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IAiGovernanceBuilder UseJsonLinesReviewLog(this IAiGovernanceBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IReviewLog>(sp =>
            new JsonLinesReviewLog(path, flushToDisk: true, sp.GetService<ILogger<JsonLinesReviewLog>>())));
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<OversightMarker, OversightOptions, OversightOptionsValidator,
                OversightOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton<IReviewLog, InMemoryReviewLog>();
        services.TryAddSingleton(sp => new ReviewRouter(Options(sp), sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new IndependentReviewProtocol(
            sp.GetRequiredService<IReviewLog>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(),
            Options(sp).SystemId,
            sp.GetService<IMeterFactory>()));
    }

    private static OversightOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<OversightOptions>>().Value;

    /// <summary>Marks the collection as holding the oversight services, so a second registration adds nothing twice.</summary>
    private sealed class OversightMarker;
}
