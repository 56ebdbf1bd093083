namespace AiGovernance.Core.Pipelines;

/// <summary>Names one version of a pipeline artifact: what lineage records point at.</summary>
/// <param name="Name">The artifact's name (by default the name of the component that produced it).</param>
/// <param name="Version">The artifact's version.</param>
/// <param name="Digest">The SHA-256 of the artifact's content; empty when the content cannot be hashed.</param>
public sealed record ArtifactReference(string Name, string Version, Sha256Digest Digest);
