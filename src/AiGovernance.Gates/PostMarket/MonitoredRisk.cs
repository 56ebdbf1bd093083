namespace AiGovernance.Gates.PostMarket;

/// <summary>A risk a post-market monitoring plan watches (Art. 72), each tied to the requirements of Chapter III, Section 2
/// it keeps in check.</summary>
public enum MonitoredRisk
{
    /// <summary>The input data drifts away from the data the system was validated on (Art. 10, 15(1)).</summary>
    DataDrift = 0,

    /// <summary>The distribution of the system's outputs drifts (Art. 15(1)).</summary>
    PredictionDrift = 1,

    /// <summary>Accuracy falls below the declared levels (Art. 15(1)-(3)).</summary>
    PerformanceDegradation = 2,

    /// <summary>Input data breaks its schema or quality rules (Art. 10(3), 26(4)).</summary>
    DataQuality = 3,

    /// <summary>Outcomes become biased across groups of persons (Art. 10(2)(f)-(g), 15(4)).</summary>
    Bias = 4,

    /// <summary>Human oversight stops working: automation bias, rubber-stamping, fatigue (Art. 14(4)(b), 26(2)).</summary>
    HumanOversightEffectiveness = 5,

    /// <summary>A third-party model or component degrades (Art. 15, 25(4)).</summary>
    ThirdPartyComponentPerformance = 6,

    /// <summary>A new version performs worse than the one it replaces (Art. 15, 43(4)).</summary>
    ReleaseRegression = 7,

    /// <summary>Serious incidents occur and must be reported within their deadlines (Art. 73, 26(5)).</summary>
    SeriousIncidents = 8,
}
