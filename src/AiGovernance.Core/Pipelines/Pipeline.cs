namespace AiGovernance.Core.Pipelines;

/// <summary>A typed chain of components from <typeparamref name="TIn"/> to <typeparamref name="TOut"/>; build one
/// with <see cref="PipelineBuilder.Create{TIn}"/> and run it with <see cref="PipelineRunner"/>.</summary>
/// <typeparam name="TIn">The type the first component accepts.</typeparam>
/// <typeparam name="TOut">The type the last component produces.</typeparam>
public sealed class Pipeline<TIn, TOut>
{
    internal Pipeline(string name, IReadOnlyList<IPipelineStep> steps)
    {
        Name = name;
        Steps = steps;
    }

    /// <summary>The pipeline's name, recorded with every lineage event.</summary>
    public string Name { get; }

    /// <summary>The components' names in execution order.</summary>
    public IReadOnlyList<string> Components
    {
        get
        {
            var names = new string[Steps.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = Steps[i].Name;
            }

            return names;
        }
    }

    internal IReadOnlyList<IPipelineStep> Steps { get; }
}
