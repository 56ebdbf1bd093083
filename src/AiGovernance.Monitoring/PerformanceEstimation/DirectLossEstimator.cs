using AiGovernance.Monitoring.Data;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>Direct loss estimation (DLE) for regressors: learns on a labelled reference how large the model's error is
/// given the inputs and the prediction, and estimates the MAE and RMSE of windows whose actual values have not arrived,
/// with sampling-error bands.</summary>
/// <remarks>
/// <para><b>Learner</b> (a documented closed-form one, no third-party library): ridge regression
/// (<see cref="RidgeRegression"/>, penalty by generalised cross-validation) on an additive linear-spline basis — for the
/// prediction and every numeric feature the standardised value and hinges at
/// <see cref="PerformanceEstimationOptions.SplineKnots"/> reference quantiles plus a missing indicator, for every
/// categorical feature indicators of its <see cref="PerformanceEstimationOptions.MaximumCategories"/> most frequent
/// categories, of the rest and of missing. Three targets share the basis: |e|, e² and e⁴ (e = actual − predicted).
/// It captures errors that grow with a feature or with the prediction, non-linearly and per category; it does not model
/// interactions between features.</para>
/// <para><b>Estimates and bands</b> come from <see cref="ExpectedErrorAccumulator"/>: MAE = mean of E[|e|],
/// RMSE = √(mean of E[e²]); each band's variance is that of the realised MAE (MSE) given the learned moments plus the
/// loss model's own estimation variance at the window's mean features (<see cref="RidgeRegression.FittedValueVariance"/>),
/// which matters because it does not shrink with the window's size. Like CBPE,
/// DLE assumes covariate shift only (the error given the inputs is unchanged); compare with realised errors once they
/// arrive (<see cref="CompareRealised"/>). Misspecification of the additive learner (for example an interaction it cannot
/// represent) is not in the band.</para>
/// <para>O(n·p²) to fit for p basis terms; O(n·p) per window with O(p) memory. Immutable and thread-safe.</para>
/// </remarks>
public sealed class DirectLossEstimator
{
    private static readonly EstimatedMetric[] DefaultAlertMetrics = [EstimatedMetric.MeanAbsoluteError, EstimatedMetric.RootMeanSquaredError];
    private readonly PerformanceEstimationOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an estimator with the default settings.</summary>
    public DirectLossEstimator()
        : this(new PerformanceEstimationOptions())
    {
    }

    /// <summary>Creates an estimator.</summary>
    /// <param name="options">The settings; copied and validated.</param>
    /// <param name="timeProvider">Stamps the estimates; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range or invalid; the message lists every broken rule.</exception>
    public DirectLossEstimator(PerformanceEstimationOptions options, TimeProvider? timeProvider = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), PerformanceEstimationOptionsValidator.Instance,
            PerformanceEstimationOptionsCustomValidator.Instance);
        _options = options.Copy();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Fits the loss models on the labelled reference.</summary>
    /// <param name="features">The model's inputs on the reference (numeric and categorical columns, NaN/missing allowed),
    /// or <see langword="null"/> to learn the error from the prediction alone.</param>
    /// <param name="predictions">The model's predictions on the reference; finite.</param>
    /// <param name="actuals">The actual values; finite.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 10 rows, or a prediction or actual value is NaN or
    /// infinite (index named).</exception>
    public DleReference Fit(TabularData? features, ReadOnlySpan<double> predictions, ReadOnlySpan<double> actuals)
    {
        ValidateFinite(predictions, nameof(predictions));
        ValidateFinite(actuals, nameof(actuals));
        if (actuals.Length != predictions.Length)
        {
            throw new ArgumentException($"actuals has {actuals.Length} values but predictions has {predictions.Length}.", nameof(actuals));
        }

        if (features is not null && features.RowCount != predictions.Length)
        {
            throw new ArgumentException($"features has {features.RowCount} rows but predictions has {predictions.Length}.", nameof(features));
        }

        if (predictions.Length < 10)
        {
            throw new ArgumentException("Direct loss estimation needs at least 10 labelled reference rows.", nameof(predictions));
        }

        var basis = LossFeatureBasis.Fit(features, predictions, _options.SplineKnots, _options.MaximumCategories);
        var bound = basis.Bind(features, predictions, nameof(features));
        var n = predictions.Length;
        var width = basis.Width;
        var design = new double[n * width];
        var absolute = new double[n];
        var squared = new double[n];
        var fourth = new double[n];
        for (var i = 0; i < n; i++)
        {
            bound.Expand(i, predictions[i], design.AsSpan(i * width, width));
            var e = actuals[i] - predictions[i];
            absolute[i] = Math.Abs(e);
            squared[i] = e * e;
            fourth[i] = squared[i] * squared[i];
        }

        var models = RidgeRegression.FitMany(design, width, [absolute, squared, fourth]);
        var mae = RegressionError.MeanAbsolute(actuals, predictions, _options.ConfidenceLevel);
        var rmse = RegressionError.RootMeanSquared(actuals, predictions, _options.ConfidenceLevel);
        return new DleReference(basis, models[0], models[1], models[2], mae, rmse);
    }

    /// <summary>Estimates a window's MAE and RMSE before its actual values arrive.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="features">The window's inputs, with every reference column (or <see langword="null"/> when the
    /// reference was fitted without features).</param>
    /// <param name="predictions">The model's predictions on the window; finite.</param>
    /// <param name="window">The window's name.</param>
    /// <param name="windowEnd">When the window ended, if known.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">The window is empty, lengths differ, a prediction is not finite, or a reference
    /// column is missing or of another kind (named).</exception>
    public EstimatedPerformance Estimate(
        DleReference reference, TabularData? features, ReadOnlySpan<double> predictions, string window, DateTimeOffset? windowEnd = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(window);
        ValidateFinite(predictions, nameof(predictions));
        if (predictions.IsEmpty)
        {
            throw new ArgumentException("The window holds no predictions; there is nothing to estimate.", nameof(predictions));
        }

        if (features is not null && features.RowCount != predictions.Length)
        {
            throw new ArgumentException($"features has {features.RowCount} rows but predictions has {predictions.Length}.", nameof(features));
        }

        var bound = reference.Basis.Bind(features, predictions, nameof(features));
        var accumulator = new ExpectedErrorAccumulator();
        var width = reference.Basis.Width;
        var row = new double[width];
        var meanRow = new double[width];
        for (var i = 0; i < predictions.Length; i++)
        {
            bound.Expand(i, predictions[i], row);
            accumulator.Add(
                reference.AbsoluteErrorModel.Predict(row), reference.SquaredErrorModel.Predict(row), reference.FourthPowerErrorModel.Predict(row));
            for (var j = 0; j < width; j++)
            {
                meanRow[j] += row[j];
            }
        }

        for (var j = 0; j < width; j++)
        {
            meanRow[j] /= predictions.Length;
        }

        // The loss models were fitted on a finite reference: their error in the window's mean is the same for every row
        // and does not average out, so it is added to the bands.
        var e = accumulator.Estimate(
            _options.ConfidenceLevel,
            reference.AbsoluteErrorModel.FittedValueVariance(meanRow),
            reference.SquaredErrorModel.FittedValueVariance(meanRow));
        const string Method = "variance given the learned error moments plus the loss model's estimation variance (HC0), normal band";
        return new EstimatedPerformance
        {
            Window = window,
            WindowEnd = windowEnd,
            GeneratedAt = _timeProvider.GetUtcNow(),
            Estimator = "DLE",
            Method = reference.Description,
            Count = e.Count,
            ConfidenceLevel = e.ConfidenceLevel,
            Metrics =
            [
                new EstimatedMetricValue(EstimatedMetric.MeanAbsoluteError, e.MeanAbsoluteError.Estimate, e.MeanAbsoluteError.StandardError,
                    e.MeanAbsoluteError.Lower, e.MeanAbsoluteError.Upper, reference.MeanAbsoluteError.Estimate, Method),
                new EstimatedMetricValue(EstimatedMetric.RootMeanSquaredError, e.RootMeanSquaredError.Estimate, e.RootMeanSquaredError.StandardError,
                    e.RootMeanSquaredError.Lower, e.RootMeanSquaredError.Upper, reference.RootMeanSquaredError.Estimate,
                    Method + " (square root of the MSE band)"),
            ],
        };
    }

    /// <summary>Compares an estimate with the window's realised errors once its actual values arrived.</summary>
    /// <param name="estimate">The estimate made before.</param>
    /// <param name="predictions">The window's predictions (those that were estimated).</param>
    /// <param name="actuals">The window's actual values.</param>
    /// <param name="alertMetrics">The metrics the alert watches; MAE and RMSE when <see langword="null"/>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, fewer than two values, a value is not finite, or the estimate is
    /// not a DLE estimate.</exception>
    public RealisedPerformanceComparison CompareRealised(
        EstimatedPerformance estimate,
        ReadOnlySpan<double> predictions,
        ReadOnlySpan<double> actuals,
        IReadOnlyCollection<EstimatedMetric>? alertMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Estimator != "DLE")
        {
            throw new ArgumentException($"The estimate was made by {estimate.Estimator}, not DLE.", nameof(estimate));
        }

        var mae = RegressionError.MeanAbsolute(actuals, predictions, _options.ConfidenceLevel);
        var rmse = RegressionError.RootMeanSquared(actuals, predictions, _options.ConfidenceLevel);
        var realised = new Dictionary<EstimatedMetric, double>
        {
            [EstimatedMetric.MeanAbsoluteError] = mae.Estimate,
            [EstimatedMetric.RootMeanSquaredError] = rmse.Estimate,
        };
        return RealisedPerformanceComparison.Create(estimate, realised, mae.Count, alertMetrics ?? DefaultAlertMetrics);
    }

    private static void ValidateFinite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is {values[i]}; {name} must be finite.", name);
            }
        }
    }
}
