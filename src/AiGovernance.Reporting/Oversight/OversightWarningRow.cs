using AiGovernance.Oversight.Analysis;

namespace AiGovernance.Reporting.Oversight;

/// <summary>An oversight warning: what the override pattern suggests, with the observed value and the threshold.</summary>
public sealed class OversightWarningRow
{
    /// <summary>What the warning is about.</summary>
    public OversightWarningKind Kind { get; init; }

    /// <summary>The warning in words.</summary>
    public required string Message { get; init; }

    /// <summary>The observed value.</summary>
    public double? Observed { get; init; }

    /// <summary>The threshold it crossed.</summary>
    public double? Threshold { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a warning.</summary>
    /// <param name="warning">The warning.</param>
    /// <returns>The row.</returns>
    public static OversightWarningRow From(OversightWarning warning)
    {
        var r = new Json.NullReasons();
        return new OversightWarningRow
        {
            Kind = warning.Kind,
            Message = warning.Message,
            Observed = r.Value(warning.Observed, "observed", "not measured"),
            Threshold = r.Value(warning.Threshold, "threshold", "no threshold"),
            NullReasons = r.Result,
        };
    }
}
