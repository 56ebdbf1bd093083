using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Scorecards;
using AiGovernance.Scorecards.Literacy;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers balanced scorecards, the scorecard evaluator, metric sources and the AI-literacy assessment.</summary>
public static class ScorecardsBuilderExtensions
{
    /// <summary>Registers the scorecards package with default options: <see cref="ScorecardsOptions"/> (validated at
    /// start-up), <see cref="BalancedScorecard"/>, <see cref="ScorecardEvaluator"/>, <see cref="AiLiteracyAssessment"/> and
    /// <see cref="WorkshopCurriculum.Default"/>. Calling it again adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddScorecards(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddServices);

    /// <summary>Registers the scorecards package and configures its options in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets weights, threshold, metrics and literacy roles; each call's delegate runs, in order.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddScorecards(this IAiGovernanceBuilder builder, Action<ScorecardsOptions> configure) =>
        PackageRegistration.Add(builder, AddServices, configure);

    /// <summary>Registers the scorecards package and binds its options from configuration, for example the
    /// <c>AiGovernance:Scorecards</c> section of <c>appsettings.json</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section holding <see cref="ScorecardsOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The services are registered once however often this is called; each call binds its section (like
    /// <c>services.Configure&lt;T&gt;(section)</c>), so pass one section.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddScorecards(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<ScorecardsOptions>(builder, AddServices, section, static (options, configuration) => options.Bind(configuration));

    /// <summary>Registers <typeparamref name="TSource"/> as a singleton <see cref="IScorecardMetricSource"/>; registering
    /// the same type twice adds it once.</summary>
    /// <typeparam name="TSource">The source's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddScorecardMetricSource<[DynamicallyAccessedMembers(PublicConstructors)] TSource>(
        this IAiGovernanceBuilder builder)
        where TSource : class, IScorecardMetricSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IScorecardMetricSource, TSource>());
        return builder;
    }

    /// <summary>Registers <paramref name="source"/> as an <see cref="IScorecardMetricSource"/>; registering the same
    /// instance twice adds it once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="source">The source.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddScorecardMetricSource(this IAiGovernanceBuilder builder, IScorecardMetricSource source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var descriptor in builder.Services)
        {
            if (descriptor.ServiceType == typeof(IScorecardMetricSource) && ReferenceEquals(descriptor.ImplementationInstance, source))
            {
                return builder;
            }
        }

        builder.Services.AddSingleton(source);
        return builder;
    }

    private static void AddServices(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<ScorecardsMarker, ScorecardsOptions, ScorecardsOptionsValidator,
                ScorecardsOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ScorecardsOptions>>().Value;
            var metrics = new List<ScorecardMetric>(options.Metrics.Count);
            foreach (var metric in options.Metrics)
            {
                metrics.Add(metric.ToMetric());
            }

            return new BalancedScorecard(metrics, options.Weights, options.WeaknessThreshold);
        });
        services.TryAddSingleton(sp => new ScorecardEvaluator(
            sp.GetRequiredService<BalancedScorecard>(),
            sp.GetServices<IScorecardMetricSource>(),
            sp.GetService<ILogger<ScorecardEvaluator>>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ScorecardsOptions>>().Value.Literacy.ToAssessment());
        services.TryAddSingleton(WorkshopCurriculum.Default);
    }
}
