using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>Confidence-based performance estimation (CBPE) for multiclass classifiers, one-vs-rest with macro averages
/// (NannyML's multiclass CBPE), from calibrated class probabilities, with sampling-error bands.</summary>
/// <remarks>
/// <para><b>Model.</b> Each prediction's outcome is an independent categorical draw from its calibrated class
/// probabilities pᵢ = (pᵢ₁ … pᵢK): right when the probabilities are calibrated and only the inputs' distribution moved
/// (covariate shift).</para>
/// <para><b>Point estimates.</b> With ŷᵢ the predicted class: E[TPₖ] = Σ_{ŷ=k} pᵢₖ, E[actualₖ] = Σ pᵢₖ, and the
/// expected confusion matrix E[#(ŷ = j, y = k)] = Σ_{ŷ=j} pᵢₖ. Accuracy = Σₖ E[TPₖ] / n; precisionₖ, recallₖ,
/// specificityₖ and F1ₖ are ratios of expected counts as in the binary case, and the macro value is their unweighted
/// mean over the K classes. A class never predicted has precision 0 (scikit-learn's <c>zero_division=0</c>). ROC AUCₖ is
/// the binary CBPE AUC of pₖ against the rest (<see cref="ConfidenceBasedPerformance"/>), averaged over classes.</para>
/// <para><b>Bands.</b> Every macro metric except ROC AUC is, to first order, a sum over predictions of
/// Σₖ w(ŷᵢ, k)·(yᵢₖ − pᵢₖ) with weights that depend only on the predicted and the actual class (for accuracy
/// w(j, k) = [j = k] / n, exact; for macro recall w(j, k) = ([j = k] − Rₖ) / (K·E[actualₖ]), and alike). Its variance
/// is exactly Σ_j [Σₖ w(j, k)²·Σ_{ŷ=j} pᵢₖ − Σₖₗ w(j, k)·w(j, l)·Σ_{ŷ=j} pᵢₖpᵢₗ] — the categorical covariances between
/// classes included — computed from the accumulator's per-predicted-class cross moments (the delta method; for accuracy
/// and macro precision, linear in the outcomes, it is the exact variance). The macro ROC AUC's band uses the mean of the
/// classes' standard errors, an upper bound on the standard error of their mean whatever their correlation, so that band
/// is conservative (wider than nominal). Each band is estimate ± z·se clipped to [0, 1]; the normal approximation wants a
/// few dozen expected examples of every class.</para>
/// <para><b>Checked</b> against scikit-learn's macro metrics on realised labels and by simulation of perfectly calibrated
/// three-class models under covariate shift (<c>tests/…/PerformanceEstimation/MulticlassConfidenceBasedPerformanceTests</c>
/// and <c>tests/AiGovernance.Monitoring.Tests/…/MulticlassConfidenceBasedPerformanceEstimatorTests</c>).</para>
/// <para>O(K·bins + K³) time and memory from a <see cref="MulticlassProbabilityAccumulator"/>.</para>
/// </remarks>
public static class MulticlassConfidenceBasedPerformance
{
    /// <summary>Estimates every macro metric of the window summarised by <paramref name="accumulator"/>.</summary>
    /// <param name="accumulator">The window's calibrated class probabilities by predicted class.</param>
    /// <param name="confidenceLevel">The bands' two-sided coverage, in [0.5, 1).</param>
    /// <returns>The estimates with bands; every metric is NaN for an empty accumulator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accumulator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside [0.5, 1).</exception>
    public static MulticlassPerformanceEstimate Estimate(MulticlassProbabilityAccumulator accumulator, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        if (!(confidenceLevel >= 0.5 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must lie in [0.5, 1).");
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidenceLevel) / 2));
        var a = accumulator;
        var k = a.ClassCount;
        double n = a.Count;
        var perClass = new BinaryPerformanceEstimate[k];
        var confusion = new double[k * k];
        var truePositives = new double[k];
        var actual = new double[k];
        var predicted = new double[k];
        for (var j = 0; j < k; j++)
        {
            perClass[j] = ConfidenceBasedPerformance.Estimate(a.OneVersusRest(j), confidenceLevel);
            predicted[j] = a.Predicted(j);
            for (var c = 0; c < k; c++)
            {
                confusion[(j * k) + c] = a.Sum(j, c);
                actual[c] += a.Sum(j, c);
            }

            truePositives[j] = a.Sum(j, j);
        }

        var weights = new double[k * k];
        var accuracy = Macro(a, z, weights, (j, c) => j == c ? 1 / n : 0, n > 0 ? truePositives.Sum() / n : double.NaN);

        var precision = PerClassRates(k, c => truePositives[c], c => predicted[c]);
        var macroPrecision = Macro(a, z, weights, (j, c) => j == c && predicted[c] > 0 ? 1 / (k * predicted[c]) : 0, Mean(precision, n));

        var recall = PerClassRates(k, c => truePositives[c], c => actual[c]);
        var macroRecall = Macro(a, z, weights, (j, c) => actual[c] > 0 ? ((j == c ? 1 : 0) - recall[c]) / (k * actual[c]) : 0, Mean(recall, n));

        var specificity = PerClassRates(k, c => n - predicted[c] - actual[c] + truePositives[c], c => n - actual[c]);
        var macroSpecificity = Macro(a, z, weights,
            (j, c) => n - actual[c] > 0 ? ((j == c ? 1 : 0) - 1 + specificity[c]) / (k * (n - actual[c])) : 0, Mean(specificity, n));

        var f1 = PerClassRates(k, c => 2 * truePositives[c], c => predicted[c] + actual[c]);
        var macroF1 = Macro(a, z, weights,
            (j, c) => predicted[c] + actual[c] > 0 ? ((j == c ? 2 : 0) - f1[c]) / (k * (predicted[c] + actual[c])) : 0, Mean(f1, n));

        double auc = 0, aucError = 0;
        foreach (var e in perClass)
        {
            auc += e.RocAuc.Estimate / k;
            aucError += e.RocAuc.StandardError / k;
        }

        return new MulticlassPerformanceEstimate(
            a.Count,
            k,
            confidenceLevel,
            accuracy,
            macroPrecision,
            macroRecall,
            macroSpecificity,
            macroF1,
            BandedEstimate.Normal(n > 0 ? auc : double.NaN, n > 0 ? aucError : double.NaN, z, 0, 1),
            perClass,
            confusion);
    }

    /// <summary>Estimates from calibrated class probabilities and predicted classes held in memory (a convenience over
    /// <see cref="MulticlassProbabilityAccumulator"/>).</summary>
    /// <param name="probabilities">Calibrated class probabilities, row-major (prediction i, class k at i·K + k).</param>
    /// <param name="classCount">The number of classes K, in [2, <see cref="MulticlassProbabilityAccumulator.MaxClassCount"/>].</param>
    /// <param name="predictedClass">The model's predicted class of each prediction.</param>
    /// <param name="confidenceLevel">The bands' two-sided coverage, in [0.5, 1).</param>
    /// <param name="binCount">Probability bins of each class's histogram (affects only the ROC AUC's resolution).</param>
    /// <returns>The estimates with bands.</returns>
    /// <exception cref="ArgumentException">The lengths do not pair up, a probability is outside [0, 1], a row does not sum
    /// to 1, or a predicted class is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/>, <paramref name="binCount"/> or
    /// <paramref name="confidenceLevel"/> is out of range.</exception>
    public static MulticlassPerformanceEstimate Estimate(
        ReadOnlySpan<double> probabilities,
        int classCount,
        ReadOnlySpan<int> predictedClass,
        double confidenceLevel = 0.95,
        int binCount = CalibratedProbabilityHistogram.DefaultBinCount)
    {
        var accumulator = new MulticlassProbabilityAccumulator(classCount, binCount);
        accumulator.Add(probabilities, predictedClass);
        return Estimate(accumulator, confidenceLevel);
    }

    private static double[] PerClassRates(int k, Func<int, double> numerator, Func<int, double> denominator)
    {
        var rates = new double[k];
        for (var c = 0; c < k; c++)
        {
            var d = denominator(c);
            rates[c] = d > 0 ? numerator(c) / d : 0;
        }

        return rates;
    }

    private static double Mean(double[] rates, double n) => n > 0 ? rates.Average() : double.NaN;

    // Var = Σ_j [Σ_k w(j,k)²·S_j[k] − Σ_kl w(j,k)·w(j,l)·M_j[k,l]], the variance of Σᵢ Σₖ w(ŷᵢ, k)·yᵢₖ with yᵢ categorical.
    private static BandedEstimate Macro(
        MulticlassProbabilityAccumulator a, double z, double[] weights, Func<int, int, double> weight, double estimate)
    {
        if (double.IsNaN(estimate))
        {
            return BandedEstimate.Normal(double.NaN, double.NaN, z, 0, 1);
        }

        var k = a.ClassCount;
        for (var j = 0; j < k; j++)
        {
            for (var c = 0; c < k; c++)
            {
                weights[(j * k) + c] = weight(j, c);
            }
        }

        double variance = 0;
        for (var j = 0; j < k; j++)
        {
            if (a.Predicted(j) == 0)
            {
                continue;
            }

            var w = weights.AsSpan(j * k, k);
            for (var c = 0; c < k; c++)
            {
                variance += w[c] * w[c] * a.Sum(j, c);
                for (var l = 0; l < k; l++)
                {
                    variance -= w[c] * w[l] * a.CrossMoment(j, c, l);
                }
            }
        }

        return BandedEstimate.Normal(estimate, Math.Sqrt(Math.Max(0, variance)), z, 0, 1);
    }
}
