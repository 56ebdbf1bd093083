using AiGovernance.Core;

namespace AiGovernance.Gates.Approvals;

/// <summary>An in-toto subject: the artifact an approval covers, by name and SHA-256 digest.</summary>
/// <param name="Name">The artifact's name.</param>
/// <param name="Digest">The SHA-256 digest of the artifact's bytes.</param>
public readonly record struct ApprovalSubject(string Name, Sha256Digest Digest);
