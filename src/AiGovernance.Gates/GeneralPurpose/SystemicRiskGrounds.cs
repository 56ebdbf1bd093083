namespace AiGovernance.Gates.GeneralPurpose;

/// <summary>Why a general-purpose AI model is classified as having systemic risk (Art. 51); several may hold.</summary>
[Flags]
public enum SystemicRiskGrounds
{
    /// <summary>No ground: the model does not have systemic risk.</summary>
    None = 0,

    /// <summary>An evaluation found high-impact capabilities (Art. 51(1)(a)).</summary>
    HighImpactCapabilities = 1,

    /// <summary>The Commission designated the model (Art. 51(1)(b)).</summary>
    CommissionDesignation = 2,

    /// <summary>Cumulative training compute above the threshold, 10^25 FLOPs by default (presumption of Art. 51(2)).</summary>
    ComputeAboveThreshold = 4,

    /// <summary>Training compute not stated: presumed above the threshold (fail closed) until it is.</summary>
    ComputeUnknown = 8,
}
