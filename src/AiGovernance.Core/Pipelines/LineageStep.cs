namespace AiGovernance.Core.Pipelines;

/// <summary>One link of an artifact's lineage as recovered from the audit log.</summary>
/// <param name="Pipeline">The pipeline that ran the component.</param>
/// <param name="RunId">The run's identifier.</param>
/// <param name="Component">The component's name.</param>
/// <param name="ComponentVersion">The component's version.</param>
/// <param name="Input">The artifact it consumed.</param>
/// <param name="Output">The artifact it produced.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="AuditSequence">The audit record holding this link.</param>
/// <param name="Timestamp">When the link was recorded.</param>
public sealed record LineageStep(
    string Pipeline,
    string RunId,
    string Component,
    string ComponentVersion,
    ArtifactReference Input,
    ArtifactReference Output,
    TimeSpan Duration,
    long AuditSequence,
    DateTimeOffset Timestamp);
