using AiGovernance.Core;

namespace AiGovernance.Gates.Decisions;

/// <summary>Thrown when a gate blocks: lists the missing approvals, rejections and invalid approvals.</summary>
public sealed class DeploymentBlockedException : AiGovernanceException
{
    /// <summary>Creates an exception with a default message.</summary>
    public DeploymentBlockedException()
        : base("A governance gate blocked the operation.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DeploymentBlockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DeploymentBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a blocking decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public DeploymentBlockedException(GateDecision decision)
        : base((decision ?? throw new ArgumentNullException(nameof(decision))).Describe())
    {
        Decision = decision;
    }

    /// <summary>The blocking decision, when the exception was created from one.</summary>
    public GateDecision? Decision { get; }

    /// <summary>The approval kinds that are missing.</summary>
    public IReadOnlyList<MissingApproval> MissingApprovals => Decision?.MissingApprovals ?? [];
}
