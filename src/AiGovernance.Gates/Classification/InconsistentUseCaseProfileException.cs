namespace AiGovernance.Gates.Classification;

/// <summary>Thrown when a use-case profile contradicts itself, for example an Annex III point 6(e) use case (which is profiling)
/// recorded as not profiling natural persons; the message names the fields in conflict.</summary>
/// <remarks>The classifier refuses such a profile rather than guess which field is wrong, so a contradiction can never lower
/// a tier.</remarks>
public sealed class InconsistentUseCaseProfileException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InconsistentUseCaseProfileException()
    {
        ConflictingFields = [];
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public InconsistentUseCaseProfileException(string message)
        : base(message)
    {
        ConflictingFields = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InconsistentUseCaseProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
        ConflictingFields = [];
    }

    /// <summary>Creates the exception naming the fields in conflict.</summary>
    /// <param name="message">The message, naming the fields and the provision.</param>
    /// <param name="paramName">The argument that holds the profile.</param>
    /// <param name="conflictingFields">The names of the profile's fields in conflict.</param>
    public InconsistentUseCaseProfileException(string message, string? paramName, IReadOnlyList<string> conflictingFields)
        : base(message, paramName)
    {
        ConflictingFields = conflictingFields ?? [];
    }

    /// <summary>The names of the profile's fields in conflict, for example <c>HighRiskUseCases</c> and <c>ProfilesNaturalPersons</c>.</summary>
    public IReadOnlyList<string> ConflictingFields { get; }
}
