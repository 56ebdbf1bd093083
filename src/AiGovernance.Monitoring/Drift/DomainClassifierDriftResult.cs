namespace AiGovernance.Monitoring.Drift;

/// <summary>The domain classifier's verdict: how well current rows can be told from reference rows.</summary>
public sealed record DomainClassifierDriftResult
{
    /// <summary>The cross-validated AUC (0.5 = indistinguishable).</summary>
    public double Auc { get; init; }

    /// <summary>The lower end of the DeLong interval.</summary>
    public double Lower { get; init; }

    /// <summary>The upper end of the DeLong interval.</summary>
    public double Upper { get; init; }

    /// <summary>The interval's confidence level.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>The margin: the classifier tests AUC &gt; 0.5 + margin.</summary>
    public double Margin { get; init; }

    /// <summary>Whether the classifier also saw squares and pairwise products of the features.</summary>
    public bool SecondOrderFeatures { get; init; }

    /// <summary>Reference rows used (a seeded sample when the reference is larger).</summary>
    public int ReferenceRows { get; init; }

    /// <summary>Current rows used.</summary>
    public int CurrentRows { get; init; }

    /// <summary>The columns the classifier leaned on, largest share first.</summary>
    public IReadOnlyList<ColumnImportance> Importance { get; init; } = [];

    /// <summary>The one-sided DeLong p-value of "AUC &gt; 0.5 + <see cref="Margin"/>".</summary>
    public double PValue { get; init; }

    /// <summary><see cref="PValue"/> after the Holm correction across the report's p-valued methods.</summary>
    public double AdjustedPValue { get; init; }

    /// <summary>The level <see cref="AdjustedPValue"/> is compared with.</summary>
    public double SignificanceLevel { get; init; }

    /// <summary>Whether <see cref="AdjustedPValue"/> is below the report's significance level: the AUC exceeds 0.5 +
    /// <see cref="Margin"/> with a one-sided interval at the Holm-adjusted level. (The displayed [<see cref="Lower"/>,
    /// <see cref="Upper"/>] is the <see cref="ConfidenceLevel"/> interval.)</summary>
    public bool IsDrifted { get; init; }
}
