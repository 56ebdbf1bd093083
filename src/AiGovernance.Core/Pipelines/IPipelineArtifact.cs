namespace AiGovernance.Core.Pipelines;

/// <summary>The type-erased view of an artifact the runner needs.</summary>
internal interface IPipelineArtifact
{
    ArtifactReference Reference { get; }
}
