namespace AiGovernance.Scorecards;

/// <summary>The four quadrants of a balanced AI-system scorecard.</summary>
public enum ScorecardDimension
{
    /// <summary>Technical performance: accuracy, latency, reliability.</summary>
    Technical,

    /// <summary>Business impact: efficiency, revenue, cost, customer satisfaction.</summary>
    Business,

    /// <summary>Risk and compliance: fairness, security, audit findings, explainability.</summary>
    Risk,

    /// <summary>Adoption and trust: usage, override rates, user satisfaction, stakeholder trust.</summary>
    Adoption,
}
