namespace AiGovernance.Gates.Decisions;

/// <summary>A valid approval counted towards a requirement.</summary>
/// <param name="Kind">The approval kind.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="ReviewerRole">The role the reviewer acted in.</param>
/// <param name="KeyId">The key that verified the signature.</param>
/// <param name="Nonce">The approval's nonce.</param>
/// <param name="ExpiresAt">When the approval expires.</param>
public readonly record struct AcceptedApproval(string Kind, string ReviewerId, string ReviewerRole, string KeyId, string Nonce,
    DateTimeOffset ExpiresAt);
