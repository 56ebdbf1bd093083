namespace AiGovernance.Core;

/// <summary>The base type of every domain exception thrown by the AiGovernance packages.</summary>
/// <remarks>Argument problems are reported with <see cref="ArgumentException"/> and its subclasses; this type and its
/// descendants (for example <c>DeploymentBlockedException</c>, <c>DataQualityException</c>) signal that a governance
/// rule refused an operation or that governed state is inconsistent.</remarks>
public class AiGovernanceException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public AiGovernanceException()
        : base("An AI governance rule refused the operation.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong, in words a user can act on.</param>
    public AiGovernanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and inner exception.</summary>
    /// <param name="message">What went wrong, in words a user can act on.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public AiGovernanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
