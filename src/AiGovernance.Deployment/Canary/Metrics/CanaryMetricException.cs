using AiGovernance.Core;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>A metric source could not deliver analysable traffic: the backend failed, timed out, or answered with data the
/// analysis cannot use (NaN, infinities, decreasing counters, inconsistent totals). The message names the query.</summary>
/// <remarks>Callers fail closed: no decision is taken on data that could not be read.</remarks>
public sealed class CanaryMetricException : AiGovernanceException
{
    /// <summary>Creates the exception.</summary>
    public CanaryMetricException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, naming the query.</param>
    public CanaryMetricException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, naming the query.</param>
    /// <param name="innerException">The cause.</param>
    public CanaryMetricException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
