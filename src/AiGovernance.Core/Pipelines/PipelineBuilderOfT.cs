namespace AiGovernance.Core.Pipelines;

/// <summary>Chains components so that each one's input type is the previous one's output type: a mismatch is a
/// compile-time error, not a runtime surprise.</summary>
/// <typeparam name="TIn">The pipeline's input type.</typeparam>
/// <typeparam name="TCurrent">The output type of the last component added so far.</typeparam>
public sealed class PipelineBuilder<TIn, TCurrent>
{
    private readonly string _name;
    private readonly IReadOnlyList<IPipelineStep> _steps;

    internal PipelineBuilder(string name, IReadOnlyList<IPipelineStep> steps)
    {
        _name = name;
        _steps = steps;
    }

    /// <summary>Appends a component that consumes the current output type.</summary>
    /// <typeparam name="TNext">The component's output type.</typeparam>
    /// <param name="component">The component.</param>
    /// <returns>A new builder whose current type is <typeparamref name="TNext"/>; this builder is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="component"/> is null.</exception>
    /// <exception cref="ArgumentException">The component's name or version is empty, or its name is already used in this pipeline.</exception>
    public PipelineBuilder<TIn, TNext> Then<TNext>(IPipelineComponent<TCurrent, TNext> component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (string.IsNullOrWhiteSpace(component.Name) || string.IsNullOrWhiteSpace(component.Version))
        {
            throw new ArgumentException("A component needs a non-empty name and version for lineage.", nameof(component));
        }

        foreach (var step in _steps)
        {
            if (string.Equals(step.Name, component.Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The pipeline already has a component named '{component.Name}'; lineage needs unique names.",
                    nameof(component));
            }
        }

        var steps = new List<IPipelineStep>(_steps.Count + 1);
        steps.AddRange(_steps);
        steps.Add(new PipelineStep<TCurrent, TNext>(component));
        return new PipelineBuilder<TIn, TNext>(_name, steps);
    }

    /// <summary>Finishes the pipeline.</summary>
    /// <returns>The pipeline.</returns>
    /// <exception cref="InvalidOperationException">No component was added.</exception>
    public Pipeline<TIn, TCurrent> Build()
    {
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException($"Pipeline '{_name}' has no component; add one with Then(...).");
        }

        return new Pipeline<TIn, TCurrent>(_name, _steps);
    }
}
