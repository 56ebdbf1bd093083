namespace AiGovernance.Core.Pipelines;

/// <summary>The outcome of a pipeline run: the final artifact, or the component that stopped it and why.</summary>
/// <typeparam name="TOut">The final output type.</typeparam>
public sealed class PipelineRunResult<TOut>
{
    internal PipelineRunResult(string runId, PipelineArtifact<TOut>? output, IReadOnlyList<PipelineStepRecord> steps, Exception? exception)
    {
        RunId = runId;
        Output = output;
        Steps = steps;
        Exception = exception;
    }

    /// <summary>The run's identifier, recorded with every lineage event.</summary>
    public string RunId { get; }

    /// <summary>Whether every component ran.</summary>
    public bool Succeeded => Output is not null;

    /// <summary>The final artifact, or <see langword="null"/> when the run failed.</summary>
    public PipelineArtifact<TOut>? Output { get; }

    /// <summary>Every step that ran, in order; the last one failed when the run failed.</summary>
    public IReadOnlyList<PipelineStepRecord> Steps { get; }

    /// <summary>The failed step, or <see langword="null"/>.</summary>
    public PipelineStepRecord? FailedStep => Succeeded || Steps.Count == 0 ? null : Steps[^1];

    /// <summary>The exception thrown by a failed component's execution, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>Returns the output, or throws <see cref="PipelineFailedException"/> naming the failed component.</summary>
    /// <returns>The final artifact.</returns>
    /// <exception cref="PipelineFailedException">The run failed.</exception>
    public PipelineArtifact<TOut> EnsureSucceeded() =>
        Output ?? throw new PipelineFailedException(FailedStep!, Exception);
}
