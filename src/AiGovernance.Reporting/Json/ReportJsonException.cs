using AiGovernance.Core;

namespace AiGovernance.Reporting.Json;

/// <summary>A JSON report could not be read: it is not JSON, names no known kind, has a schema version this library does
/// not read, or lacks a required property. The message says which, with the line and position when the JSON is malformed.</summary>
public sealed class ReportJsonException : AiGovernanceException
{
    /// <summary>Creates the exception.</summary>
    public ReportJsonException()
        : base("The JSON report could not be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ReportJsonException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser's exception.</param>
    public ReportJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
