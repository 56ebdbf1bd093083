using AiGovernance.Core;

namespace AiGovernance.Oversight.Review;

/// <summary>Thrown when a step of the independent-review protocol is taken out of order, for example reading the AI's
/// recommendation before the reviewer's own judgment is recorded.</summary>
public sealed class ReviewProtocolException : AiGovernanceException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="stage">The stage the session was in.</param>
    /// <param name="message">What was refused and why.</param>
    public ReviewProtocolException(ReviewStage stage, string message)
        : base(message)
    {
        Stage = stage;
    }

    /// <summary>The stage the session was in when the step was refused.</summary>
    public ReviewStage Stage { get; }
}
