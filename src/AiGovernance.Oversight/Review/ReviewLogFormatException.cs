using AiGovernance.Core;

namespace AiGovernance.Oversight.Review;

/// <summary>Thrown when a stored review log holds a line that is not a complete, valid review record.</summary>
public sealed class ReviewLogFormatException : AiGovernanceException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="lineNumber">The 1-based line number of the bad record.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <param name="innerException">The parsing or validation error, if any.</param>
    public ReviewLogFormatException(long lineNumber, string message, Exception? innerException = null)
        : base($"Review log line {lineNumber}: {message}", innerException ?? new FormatException(message))
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line number of the bad record.</summary>
    public long LineNumber { get; }
}
