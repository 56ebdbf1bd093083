namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>How a classifier's scores are turned into calibrated probabilities before performance is estimated.</summary>
public enum CalibrationMethod
{
    /// <summary>Isotonic regression (pool-adjacent-violators, as scikit-learn): monotone and non-parametric; needs a
    /// reference of a few thousand labelled predictions.</summary>
    Isotonic = 0,

    /// <summary>Platt's sigmoid 1/(1 + exp(A·score + B)): two parameters, suits small references and scores on any scale.</summary>
    Platt = 1,

    /// <summary>The scores are already calibrated probabilities in [0, 1] and are used as they are (the calibration check
    /// still runs).</summary>
    None = 2,
}
