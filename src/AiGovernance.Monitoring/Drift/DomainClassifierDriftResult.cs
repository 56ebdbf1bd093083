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

    /// <summary>The margin: drift when <see cref="Lower"/> &gt; 0.5 + margin.</summary>
    public double Margin { get; init; }

    /// <summary>Whether the classifier also saw squares and pairwise products of the features.</summary>
    public bool SecondOrderFeatures { get; init; }

    /// <summary>Reference rows used (a seeded sample when the reference is larger).</summary>
    public int ReferenceRows { get; init; }

    /// <summary>Current rows used.</summary>
    public int CurrentRows { get; init; }

    /// <summary>The columns the classifier leaned on, largest share first.</summary>
    public IReadOnlyList<ColumnImportance> Importance { get; init; } = [];

    /// <summary>Whether <see cref="Lower"/> exceeds 0.5 + <see cref="Margin"/>.</summary>
    public bool IsDrifted { get; init; }
}
