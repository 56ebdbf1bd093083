using System.Diagnostics.CodeAnalysis;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the pipeline runner, the lineage query and pipeline components.</summary>
public static class PipelineBuilderExtensions
{
    /// <summary>Registers <see cref="PipelineRunner"/> and <see cref="PipelineLineage"/> (once, however often called).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddPipelines(this IAiGovernanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => new PipelineRunner(sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(sp => new PipelineLineage(sp.GetRequiredService<IAuditLog>()));
        return builder;
    }

    /// <summary>Registers a component so that it can be resolved as <see cref="IPipelineComponent{TIn, TOut}"/>.</summary>
    /// <typeparam name="TIn">The component's input type.</typeparam>
    /// <typeparam name="TOut">The component's output type.</typeparam>
    /// <typeparam name="TComponent">The implementation.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddPipelineComponent<TIn, TOut, [DynamicallyAccessedMembers(PublicConstructors)] TComponent>(
        this IAiGovernanceBuilder builder)
        where TComponent : class, IPipelineComponent<TIn, TOut>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<IPipelineComponent<TIn, TOut>, TComponent>());
        builder.Services.TryAddTransient<TComponent>();
        return builder;
    }
}
