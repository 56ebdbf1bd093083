namespace AiGovernance.Core.Pipelines;

/// <summary>Starts a typed pipeline.</summary>
public static class PipelineBuilder
{
    /// <summary>Starts a pipeline whose first component accepts <typeparamref name="TIn"/>.</summary>
    /// <typeparam name="TIn">The pipeline's input type.</typeparam>
    /// <param name="name">The pipeline's name.</param>
    /// <returns>A builder with no component yet.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static PipelineBuilder<TIn, TIn> Create<TIn>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new PipelineBuilder<TIn, TIn>(name, []);
    }
}
