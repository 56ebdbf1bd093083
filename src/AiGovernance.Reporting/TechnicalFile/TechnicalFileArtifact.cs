namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>The model artifact a technical file is bound to.</summary>
/// <param name="Name">The artifact's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Digest">The SHA-256 digest of its bytes, 64 lower-case hexadecimal characters.</param>
public sealed record TechnicalFileArtifact(string Name, string Version, string Digest);
