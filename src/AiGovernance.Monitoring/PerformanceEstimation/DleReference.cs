using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>A regressor's labelled reference prepared for direct loss estimation (DLE): the fitted models of its absolute,
/// squared and fourth-power error and the errors realised on the reference.</summary>
/// <remarks>Created by <see cref="DirectLossEstimator.Fit"/>; immutable and thread-safe.</remarks>
public sealed class DleReference
{
    internal DleReference(
        LossFeatureBasis basis,
        RidgeRegression absolute,
        RidgeRegression squared,
        RidgeRegression fourth,
        RegressionErrorEstimate mae,
        RegressionErrorEstimate rmse)
    {
        Basis = basis;
        AbsoluteErrorModel = absolute;
        SquaredErrorModel = squared;
        FourthPowerErrorModel = fourth;
        MeanAbsoluteError = mae;
        RootMeanSquaredError = rmse;
    }

    /// <summary>Labelled examples in the reference.</summary>
    public long Count => MeanAbsoluteError.Count;

    /// <summary>The mean absolute error realised on the reference, with its interval.</summary>
    public RegressionErrorEstimate MeanAbsoluteError { get; }

    /// <summary>The root mean squared error realised on the reference, with its interval.</summary>
    public RegressionErrorEstimate RootMeanSquaredError { get; }

    /// <summary>The ridge model of E[|e| | features, prediction].</summary>
    public RidgeRegression AbsoluteErrorModel { get; }

    /// <summary>The ridge model of E[e² | features, prediction].</summary>
    public RidgeRegression SquaredErrorModel { get; }

    /// <summary>The ridge model of E[e⁴ | features, prediction] (for the squared error's band).</summary>
    public RidgeRegression FourthPowerErrorModel { get; }

    /// <summary>The learner in words, for reports.</summary>
    public string Description =>
        FormattableString.Invariant(
            $"ridge on an additive linear-spline basis of the prediction and {Basis.ColumnCount} feature column(s) ({Basis.Width} terms); ")
        + FormattableString.Invariant(
            $"GCV penalties {AbsoluteErrorModel.Penalty:G3} (|e|), {SquaredErrorModel.Penalty:G3} (e²), {FourthPowerErrorModel.Penalty:G3} (e⁴)");

    internal LossFeatureBasis Basis { get; }
}
