namespace AiGovernance.Core.Pipelines;

/// <summary>What one component did in a run.</summary>
/// <param name="Component">The component's name.</param>
/// <param name="ComponentVersion">The component's version.</param>
/// <param name="Input">The input artifact.</param>
/// <param name="Output">The output artifact, or <see langword="null"/> when the component failed.</param>
/// <param name="Duration">How long validation and execution took.</param>
/// <param name="Failure">How the step failed, or <see cref="PipelineFailureKind.None"/>.</param>
/// <param name="Error">Why it failed; empty when it succeeded.</param>
public sealed record PipelineStepRecord(
    string Component,
    string ComponentVersion,
    ArtifactReference Input,
    ArtifactReference? Output,
    TimeSpan Duration,
    PipelineFailureKind Failure,
    string Error);
