namespace AiGovernance.Statistics;

/// <summary>A regressor's error on a window estimated from its expected errors (direct loss estimation), with the bands
/// the realised errors are expected to fall in.</summary>
/// <param name="Count">Predictions in the window.</param>
/// <param name="ConfidenceLevel">The bands' two-sided coverage.</param>
/// <param name="MeanAbsoluteError">The estimated mean absolute error.</param>
/// <param name="MeanSquaredError">The estimated mean squared error.</param>
/// <param name="RootMeanSquaredError">The estimated root mean squared error (its band is the square root of the mean
/// squared error's).</param>
public sealed record ExpectedRegressionErrors(
    long Count,
    double ConfidenceLevel,
    BandedEstimate MeanAbsoluteError,
    BandedEstimate MeanSquaredError,
    BandedEstimate RootMeanSquaredError);
