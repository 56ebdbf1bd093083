using MathNet.Numerics.LinearAlgebra;

namespace AiGovernance.Statistics;

/// <summary>Ridge regression with standardised features, an unpenalised intercept and the penalty chosen by generalised
/// cross-validation — a closed-form learner (the direct loss estimator's model of a regressor's error).</summary>
/// <remarks>
/// <para><b>Model.</b> Each feature column is centred and divided by its population standard deviation (a constant column
/// gets coefficient 0); the target is centred. For a penalty λ the coefficients minimise ‖y − Zβ‖² + λ‖β‖², i.e.
/// β = (ZᵀZ + λI)⁻¹Zᵀy (scikit-learn <c>Ridge(alpha=λ, fit_intercept=True)</c> on the standardised features), and the
/// intercept restores the target's mean.</para>
/// <para><b>Penalty.</b> With ZᵀZ = VΛVᵀ (symmetric eigendecomposition, MathNet) and c = VᵀZᵀy, every candidate λ costs
/// O(p): the residual sum of squares is yᵀy − Σ cᵢ²·(2/(λᵢ + λ) − λᵢ/(λᵢ + λ)²) and the effective degrees of freedom
/// 1 + Σ λᵢ/(λᵢ + λ). The chosen λ minimises GCV(λ) = (RSS/n)/(1 − df/n)² (Golub, Heath &amp; Wahba 1979) over the
/// candidates, by default n·10^k for k = −6, −5.75, …, 3. Several targets on the same features share one
/// decomposition (<see cref="FitMany"/>).</para>
/// <para><b>Cost.</b> O(n·p²) to form ZᵀZ, O(p³) to decompose it; O(p) per prediction. Checked against scikit-learn's
/// <c>Ridge</c> and a direct NumPy GCV in <c>TestData/ridge_reference.py</c>. Immutable and thread-safe.</para>
/// </remarks>
public sealed class RidgeRegression
{
    private readonly double[] _coefficients;
    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly int _rows;
    private readonly double _residualSquares;
    private readonly double[] _crossTerm;
    private readonly double[,] _sandwich;

    private RidgeRegression(
        double[] coefficients, double intercept, double penalty, double degreesOfFreedom, double gcv, Sandwich sandwich)
    {
        _coefficients = coefficients;
        _means = sandwich.Means;
        _scales = sandwich.Scales;
        _rows = sandwich.Rows;
        _residualSquares = sandwich.ResidualSquares;
        _crossTerm = sandwich.CrossTerm;
        _sandwich = sandwich.Matrix;
        Intercept = intercept;
        Penalty = penalty;
        EffectiveDegreesOfFreedom = degreesOfFreedom;
        GeneralizedCrossValidation = gcv;
    }

    /// <summary>The coefficients on the original (unstandardised) feature scale.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The intercept on the original scale.</summary>
    public double Intercept { get; }

    /// <summary>The chosen penalty λ (on the standardised features).</summary>
    public double Penalty { get; }

    /// <summary>The effective degrees of freedom at the chosen penalty, the intercept included.</summary>
    public double EffectiveDegreesOfFreedom { get; }

    /// <summary>The generalised cross-validation score at the chosen penalty.</summary>
    public double GeneralizedCrossValidation { get; }

    /// <summary>The number of features.</summary>
    public int FeatureCount => _coefficients.Length;

    /// <summary>The sampling variance of the fitted value at <paramref name="row"/> — equally, by linearity, of the mean
    /// prediction over rows whose feature means are <paramref name="row"/> — from the noise in the training targets
    /// (heteroscedasticity-consistent HC0 sandwich, the penalty held fixed).</summary>
    /// <param name="row">A row of features, or the column means of many rows (length <see cref="FeatureCount"/>).</param>
    /// <returns>Σᵢ wᵢ²·rᵢ², with wᵢ the weight of training target i in the fitted value and rᵢ its residual.</returns>
    /// <exception cref="ArgumentException"><paramref name="row"/> has the wrong length.</exception>
    /// <remarks>The fitted value is Σᵢ wᵢ·yᵢ with wᵢ = 1/n + z̄ᵀ(ZᵀZ + λI)⁻¹zᵢ on the standardised features, so its variance
    /// is Σᵢ wᵢ²σᵢ², estimated with σᵢ² ≈ rᵢ²: r²/n² + (2/n)·z̄ᵀM·Σrᵢ²zᵢ + z̄ᵀM(Σrᵢ²zᵢzᵢᵀ)Mz̄ with M = (ZᵀZ + λI)⁻¹, all
    /// precomputed at fit time, O(p²) per call. It is the part of an averaged prediction's error that does not shrink with
    /// more rows averaged (the direct loss estimator adds it to its bands).</remarks>
    public double FittedValueVariance(ReadOnlySpan<double> row)
    {
        if (row.Length != _coefficients.Length)
        {
            throw new ArgumentException($"The row has {row.Length} features; the model was fitted on {_coefficients.Length}.", nameof(row));
        }

        var p = row.Length;
        Span<double> z = p <= 256 ? stackalloc double[p] : new double[p];
        for (var j = 0; j < p; j++)
        {
            z[j] = _scales[j] == 0 ? 0 : (row[j] - _means[j]) / _scales[j];
        }

        double cross = 0, quadratic = 0;
        for (var j = 0; j < p; j++)
        {
            cross += z[j] * _crossTerm[j];
            double inner = 0;
            for (var k = 0; k < p; k++)
            {
                inner += _sandwich[j, k] * z[k];
            }

            quadratic += z[j] * inner;
        }

        var n = (double)_rows;
        return Math.Max(0, (_residualSquares / (n * n)) + (2 / n * cross) + quadratic);
    }

    /// <summary>Fits one target.</summary>
    /// <param name="features">The features, row-major: row i is <c>features[i·featureCount .. (i + 1)·featureCount)</c>; finite.</param>
    /// <param name="featureCount">Features per row, at least 1.</param>
    /// <param name="target">One target per row; finite.</param>
    /// <param name="penalties">Candidate penalties (positive, finite); empty for the default grid n·10^k, k = −6 … 3 by 0.25.</param>
    /// <returns>The fitted regression.</returns>
    /// <exception cref="ArgumentException">The shapes do not agree, fewer than two rows, a value is NaN or infinite (index
    /// named), or a penalty is not positive and finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="featureCount"/> is below 1.</exception>
    public static RidgeRegression Fit(
        ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<double> target, ReadOnlySpan<double> penalties = default) =>
        FitMany(features, featureCount, [target.ToArray()], penalties)[0];

    /// <summary>Fits several targets on the same features, each with its own penalty, sharing one decomposition.</summary>
    /// <param name="features">The features, row-major; finite.</param>
    /// <param name="featureCount">Features per row, at least 1.</param>
    /// <param name="targets">The targets, each with one value per row; finite.</param>
    /// <param name="penalties">Candidate penalties; empty for the default grid.</param>
    /// <returns>One fitted regression per target, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not agree, there is no target, fewer than two rows, a value is NaN
    /// or infinite, or a penalty is not positive and finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="featureCount"/> is below 1.</exception>
    public static IReadOnlyList<RidgeRegression> FitMany(
        ReadOnlySpan<double> features, int featureCount, IReadOnlyList<double[]> targets, ReadOnlySpan<double> penalties = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.Length % featureCount != 0)
        {
            throw new ArgumentException($"features holds {features.Length} values, not a whole number of rows of {featureCount}.", nameof(features));
        }

        var n = features.Length / featureCount;
        if (n < 2)
        {
            throw new ArgumentException("A regression needs at least two rows.", nameof(features));
        }

        if (targets.Count == 0)
        {
            throw new ArgumentException("There is no target to fit.", nameof(targets));
        }

        SampleGuard.ThrowIfNotFinite(features);
        for (var t = 0; t < targets.Count; t++)
        {
            var target = targets[t] ?? throw new ArgumentException($"Target {t} is null.", nameof(targets));
            if (target.Length != n)
            {
                throw new ArgumentException($"Target {t} has {target.Length} values but there are {n} rows.", nameof(targets));
            }

            SampleGuard.ThrowIfNotFinite(target, nameof(targets));
        }

        var grid = penalties.IsEmpty ? DefaultPenalties(n) : penalties.ToArray();
        for (var i = 0; i < grid.Length; i++)
        {
            if (!(grid[i] > 0 && double.IsFinite(grid[i])))
            {
                throw new ArgumentException($"Penalty {i} is {grid[i]}; penalties must be positive and finite.", nameof(penalties));
            }
        }

        var p = featureCount;
        var means = new double[p];
        var scales = new double[p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                means[j] += features[(i * p) + j];
            }
        }

        for (var j = 0; j < p; j++)
        {
            means[j] /= n;
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var d = features[(i * p) + j] - means[j];
                scales[j] += d * d;
            }
        }

        for (var j = 0; j < p; j++)
        {
            var sd = Math.Sqrt(scales[j] / n);

            // A constant column (up to rounding) carries nothing; it is left out with coefficient 0.
            scales[j] = sd > 1e-12 * Math.Max(1, Math.Abs(means[j])) ? sd : 0;
        }

        // Gram matrix of the standardised, centred features (upper triangle accumulated row by row).
        var gram = new double[p, p];
        var z = new double[p];
        var zty = new double[targets.Count, p];
        var targetMeans = new double[targets.Count];
        for (var t = 0; t < targets.Count; t++)
        {
            targetMeans[t] = targets[t].Average();
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                z[j] = scales[j] == 0 ? 0 : (features[(i * p) + j] - means[j]) / scales[j];
            }

            for (var j = 0; j < p; j++)
            {
                if (z[j] == 0)
                {
                    continue;
                }

                for (var k = j; k < p; k++)
                {
                    gram[j, k] += z[j] * z[k];
                }

                for (var t = 0; t < targets.Count; t++)
                {
                    zty[t, j] += z[j] * (targets[t][i] - targetMeans[t]);
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < j; k++)
            {
                gram[j, k] = gram[k, j];
            }
        }

        var evd = Matrix<double>.Build.DenseOfArray(gram).Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(v => Math.Max(0, v.Real)).ToArray();
        var vectors = evd.EigenVectors;
        var results = new RidgeRegression[targets.Count];
        for (var t = 0; t < targets.Count; t++)
        {
            var c = new double[p];
            for (var m = 0; m < p; m++)
            {
                double sum = 0;
                for (var j = 0; j < p; j++)
                {
                    sum += vectors[j, m] * zty[t, j];
                }

                c[m] = sum;
            }

            double yty = 0;
            foreach (var y in targets[t])
            {
                var d = y - targetMeans[t];
                yty += d * d;
            }

            var (best, bestGcv, bestDf) = (grid[0], double.PositiveInfinity, 0.0);
            foreach (var lambda in grid)
            {
                double explained = 0, df = 1;
                for (var m = 0; m < p; m++)
                {
                    var denominator = eigenvalues[m] + lambda;
                    explained += c[m] * c[m] * ((2 / denominator) - (eigenvalues[m] / (denominator * denominator)));
                    df += eigenvalues[m] / denominator;
                }

                var rss = Math.Max(0, yty - explained);
                var shrink = 1 - (df / n);
                var gcv = shrink > 0 ? rss / n / (shrink * shrink) : double.PositiveInfinity;
                if (gcv < bestGcv)
                {
                    (best, bestGcv, bestDf) = (lambda, gcv, df);
                }
            }

            // β = V (Λ + λ)⁻¹ c on the standardised scale, then back to the original scale.
            var coefficients = new double[p];
            for (var j = 0; j < p; j++)
            {
                double sum = 0;
                for (var m = 0; m < p; m++)
                {
                    sum += vectors[j, m] * c[m] / (eigenvalues[m] + best);
                }

                coefficients[j] = scales[j] == 0 ? 0 : sum / scales[j];
            }

            var intercept = targetMeans[t];
            for (var j = 0; j < p; j++)
            {
                intercept -= coefficients[j] * means[j];
            }

            var sandwich = BuildSandwich(features, p, n, means, scales, targets[t], coefficients, intercept, vectors, eigenvalues, best);
            results[t] = new RidgeRegression(coefficients, intercept, best, bestDf, bestGcv, sandwich);
        }

        return results;
    }

    /// <summary>The prediction for one row of features.</summary>
    /// <param name="row">The row's features (length <see cref="FeatureCount"/>).</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentException"><paramref name="row"/> has the wrong length.</exception>
    public double Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != _coefficients.Length)
        {
            throw new ArgumentException($"The row has {row.Length} features; the model was fitted on {_coefficients.Length}.", nameof(row));
        }

        var sum = Intercept;
        for (var j = 0; j < row.Length; j++)
        {
            sum += _coefficients[j] * row[j];
        }

        return sum;
    }

    // The pieces of the HC0 variance of a fitted value: Σr², M·Σr²z and M(Σr²zzᵀ)M with M = V(Λ + λ)⁻¹Vᵀ.
    private static Sandwich BuildSandwich(
        ReadOnlySpan<double> features, int p, int n, double[] means, double[] scales, double[] target, double[] coefficients, double intercept,
        Matrix<double> vectors, double[] eigenvalues, double penalty)
    {
        var meat = new double[p, p];
        var weighted = new double[p];
        var z = new double[p];
        double residualSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var row = features.Slice(i * p, p);
            var fitted = intercept;
            for (var j = 0; j < p; j++)
            {
                fitted += coefficients[j] * row[j];
                z[j] = scales[j] == 0 ? 0 : (row[j] - means[j]) / scales[j];
            }

            var r2 = (target[i] - fitted) * (target[i] - fitted);
            residualSquares += r2;
            for (var j = 0; j < p; j++)
            {
                if (z[j] == 0)
                {
                    continue;
                }

                weighted[j] += r2 * z[j];
                for (var k = j; k < p; k++)
                {
                    meat[j, k] += r2 * z[j] * z[k];
                }
            }
        }

        var m = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            for (var k = j; k < p; k++)
            {
                meat[k, j] = meat[j, k];
                double sum = 0;
                for (var e = 0; e < p; e++)
                {
                    sum += vectors[j, e] * vectors[k, e] / (eigenvalues[e] + penalty);
                }

                m[j, k] = sum;
                m[k, j] = sum;
            }
        }

        var mw = new double[p];
        var mMeat = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < p; k++)
            {
                mw[j] += m[j, k] * weighted[k];
                double sum = 0;
                for (var e = 0; e < p; e++)
                {
                    sum += m[j, e] * meat[e, k];
                }

                mMeat[j, k] = sum;
            }
        }

        var sandwich = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < p; k++)
            {
                double sum = 0;
                for (var e = 0; e < p; e++)
                {
                    sum += mMeat[j, e] * m[e, k];
                }

                sandwich[j, k] = sum;
            }
        }

        return new Sandwich(means, scales, n, residualSquares, mw, sandwich);
    }

    private sealed record Sandwich(double[] Means, double[] Scales, int Rows, double ResidualSquares, double[] CrossTerm, double[,] Matrix);

    private static double[] DefaultPenalties(int n)
    {
        var grid = new double[37];
        for (var k = 0; k < grid.Length; k++)
        {
            grid[k] = n * Math.Pow(10, -6 + (0.25 * k));
        }

        return grid;
    }
}
