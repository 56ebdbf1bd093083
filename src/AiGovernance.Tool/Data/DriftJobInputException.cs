namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Input the job cannot use (a missing or empty file, mismatched columns, an unparsable number, an unknown
/// extension). The job prints <see cref="Exception.Message"/> and exits with code 2; the message names the file, column
/// and row so nobody needs a stack trace.</summary>
internal sealed class DriftJobInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DriftJobInputException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file, column and row.</param>
    public DriftJobInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file, column and row.</param>
    /// <param name="innerException">The reader's own exception.</param>
    public DriftJobInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
