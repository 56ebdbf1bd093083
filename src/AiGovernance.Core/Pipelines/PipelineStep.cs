namespace AiGovernance.Core.Pipelines;

/// <summary>A component with its types erased so that the runner can walk the chain.</summary>
internal interface IPipelineStep
{
    string Name { get; }

    string Version { get; }

    ValueTask<PipelineValidationResult> ValidateAsync(object input, CancellationToken cancellationToken);

    ValueTask<object> ExecuteAsync(object input, string runId, TimeProvider timeProvider, CancellationToken cancellationToken);
}

internal sealed class PipelineStep<TIn, TOut>(IPipelineComponent<TIn, TOut> component) : IPipelineStep
{
    public string Name => component.Name;

    public string Version => component.Version;

    public ValueTask<PipelineValidationResult> ValidateAsync(object input, CancellationToken cancellationToken) =>
        component.ValidateInputAsync((PipelineArtifact<TIn>)input, cancellationToken);

    public async ValueTask<object> ExecuteAsync(object input, string runId, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var typed = (PipelineArtifact<TIn>)input;
        var data = await component.ExecuteAsync(typed, cancellationToken).ConfigureAwait(false);
        var digest = ArtifactDigests.Compute(data, component.OutputTypeInfo);
        var version = digest.IsEmpty ? $"{component.Version}+run.{runId}" : $"{component.Version}+sha256.{digest.ToString()[..12]}";
        return new PipelineArtifact<TOut>(component.Name, version, data, timeProvider.GetUtcNow(), digest, [typed.Reference]);
    }
}
