using System.Collections.ObjectModel;
using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>The classifier two-sample test ("domain classifier"): can a classifier tell current rows from reference rows
/// better than chance?</summary>
/// <remarks>
/// <para><b>Learner:</b> L2-regularised logistic regression on standardised features, fitted by Newton's method with
/// MathNet's Cholesky solver. Chosen deliberately over boosted trees or a neural network: its objective is strictly
/// concave, so every fit is unique and deterministic (the only randomness is the seeded fold assignment); it needs no
/// tuning beyond λ; a fit costs O(n·p²) per Newton step, so k-fold cross-validation of thousands of rows runs in
/// milliseconds; and its standardised coefficients say directly which features it leaned on. Its blind spot — a linear
/// score cannot see a change of correlation or of spread that leaves the means unchanged — is closed by
/// <see cref="DomainClassifierOptions.SecondOrderFeatures"/> (every square and pairwise product), which makes the
/// decision boundary quadratic.</para>
/// <para><b>Procedure:</b> reference rows are labelled 0 and current rows 1; every feature is standardised with the pooled
/// mean and population standard deviation (labels are not used, so this leaks nothing into the cross-validation); rows
/// are split into k stratified folds by a seeded shuffle (<see cref="SplitMix64Random"/>); each fold is scored by a model
/// trained on the others, and the out-of-fold scores give the AUC with DeLong's variance (midranks, Sun &amp; Xu 2014)
/// and the interval AUC ± z·SE. Under no shift the AUC is about 0.5 (slightly below, as cross-validation penalises
/// chance patterns); a shift the classifier can see pushes it towards 1. A final model on all rows gives the feature
/// importances. With <see cref="DomainClassifierOptions.PrincipalComponents"/> the (sampled) rows are first replaced by
/// their coordinates on that many leading principal components of the pooled rows (for embeddings of hundreds of
/// dimensions, where p² per Newton step would dominate); importances then refer to components.</para>
/// <para><b>Complexity:</b> (k + 1) fits of O(iterations·n·p²) with p = d, or d + d(d + 1)/2 with second-order features;
/// memory O(n·p). Callers subsample large windows (a few thousand rows per side are plenty for the AUC's precision).</para>
/// </remarks>
public static class DomainClassifier
{
    /// <summary>Trains the classifier with k-fold cross-validation and reports the out-of-fold AUC with a DeLong interval.</summary>
    /// <param name="reference">Reference rows, row-major with <paramref name="dimension"/> values each; at least as many rows
    /// as folds.</param>
    /// <param name="current">Current rows, row-major; at least as many rows as folds.</param>
    /// <param name="dimension">Values per row; at least 1.</param>
    /// <param name="options">Folds, penalty, confidence level, seed and feature expansion; defaults when <see langword="null"/>.</param>
    /// <returns>The AUC, its interval and the feature importances.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer rows than folds, holds NaN or an
    /// infinity, or has values so large that the standardised features overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static DomainClassifierResult Test(
        ReadOnlySpan<double> reference,
        ReadOnlySpan<double> current,
        int dimension,
        DomainClassifierOptions? options)
    {
        options = DomainClassifierOptions.Validate(options);
        RowKernels.Rows(reference.Length, dimension, nameof(reference), options.Folds);
        RowKernels.Rows(current.Length, dimension, nameof(current), options.Folds);
        RowKernels.ThrowIfNotFinite(reference, dimension, nameof(reference));
        RowKernels.ThrowIfNotFinite(current, dimension, nameof(current));
        var sampling = new SplitMix64Random(options.Seed ^ 0xD0C1A55);
        reference = RowSampling.Take(reference, dimension, options.MaxRowsPerSide, ref sampling);
        current = RowSampling.Take(current, dimension, options.MaxRowsPerSide, ref sampling);
        return Run(reference.ToArray(), current.ToArray(), dimension, options);
    }

    /// <summary>Trains the classifier on float rows (embeddings); see
    /// <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{double}, int, DomainClassifierOptions?)"/>. Rows are sampled first
    /// (<see cref="DomainClassifierOptions.MaxRowsPerSide"/>) and only the sample is widened to double.</summary>
    /// <param name="reference">Reference rows, row-major; at least as many rows as folds.</param>
    /// <param name="current">Current rows, row-major; at least as many rows as folds.</param>
    /// <param name="dimension">Values per row; at least 1.</param>
    /// <param name="options">Folds, penalty, confidence level, seed, feature expansion and projection; defaults when <see langword="null"/>.</param>
    /// <returns>The AUC, its interval and the feature (or component) importances.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer rows than folds, holds NaN or an
    /// infinity, or has values so large that the standardised features overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static DomainClassifierResult Test(
        ReadOnlySpan<float> reference,
        ReadOnlySpan<float> current,
        int dimension,
        DomainClassifierOptions? options)
    {
        options = DomainClassifierOptions.Validate(options);
        RowKernels.Rows(reference.Length, dimension, nameof(reference), options.Folds);
        RowKernels.Rows(current.Length, dimension, nameof(current), options.Folds);
        RowKernels.ThrowIfNotFinite(reference, dimension, nameof(reference));
        RowKernels.ThrowIfNotFinite(current, dimension, nameof(current));
        var sampling = new SplitMix64Random(options.Seed ^ 0xD0C1A55);
        reference = RowSampling.Take(reference, dimension, options.MaxRowsPerSide, ref sampling);
        current = RowSampling.Take(current, dimension, options.MaxRowsPerSide, ref sampling);
        return Run(Widen(reference), Widen(current), dimension, options);
    }

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static DomainClassifierResult Run(double[] reference, double[] current, int dimension, DomainClassifierOptions options)
    {
        int m = reference.Length / dimension, n = current.Length / dimension;
        if (options.PrincipalComponents > 0)
        {
            (reference, current, dimension) = Project(reference, current, dimension, options.PrincipalComponents);
        }

        var total = m + n;
        var (features, p) = Features(reference, current, dimension, options.SecondOrderFeatures);
        foreach (var v in features)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("The features overflow a double when standardised (values near ±1e154 or beyond); rescale the data.",
                    nameof(current));
            }
        }

        var labels = new double[total];
        var positive = new bool[total];
        for (var i = m; i < total; i++)
        {
            labels[i] = 1;
            positive[i] = true;
        }

        var folds = AssignFolds(m, n, options.Folds, options.Seed);
        var scores = new double[total];
        var trainFeatures = new double[total * p];
        var trainLabels = new double[total];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var count = 0;
            for (var i = 0; i < total; i++)
            {
                if (folds[i] != fold)
                {
                    features.AsSpan(i * p, p).CopyTo(trainFeatures.AsSpan(count * p));
                    trainLabels[count++] = labels[i];
                }
            }

            var beta = RidgeLogisticRegression.Fit(trainFeatures.AsSpan(0, count * p), trainLabels.AsSpan(0, count), p, options.RidgePenalty);
            for (var i = 0; i < total; i++)
            {
                if (folds[i] == fold)
                {
                    scores[i] = RidgeLogisticRegression.Predict(beta, features.AsSpan(i * p, p));
                }
            }
        }

        var delong = DeLong.Auc(positive, scores);
        var auc = delong.Auc;
        var se = delong.StandardError;
        var z = Normal.InvCDF(0, 1, 0.5 + (options.ConfidenceLevel / 2));
        var final = RidgeLogisticRegression.Fit(features, labels, p, options.RidgePenalty);
        var importance = Importance(final, dimension, options.SecondOrderFeatures);
        return new DomainClassifierResult(
            auc, se, Math.Max(0, auc - (z * se)), Math.Min(1, auc + (z * se)), options.ConfidenceLevel, importance, options.Folds, m, n);
    }

    /// <summary>Both samples' coordinates on the leading principal components of the pooled rows (labels unused).</summary>
    private static (double[] Reference, double[] Current, int Width) Project(double[] reference, double[] current, int d, int components)
    {
        var k = Math.Min(components, d);
        var pooled = new double[reference.Length + current.Length];
        reference.CopyTo(pooled, 0);
        current.CopyTo(pooled, reference.Length);
        var model = PrincipalComponentModel.FitComponents(pooled, d, k);
        var projected = new double[pooled.Length / d * k];
        for (var i = 0; i < pooled.Length / d; i++)
        {
            model.Project(pooled.AsSpan(i * d, d), projected.AsSpan(i * k, k));
        }

        var split = reference.Length / d * k;
        return (projected[..split], projected[split..], k);
    }

    /// <summary>The pooled, standardised feature matrix (reference rows first) and its width.</summary>
    private static (double[] Features, int Width) Features(double[] reference, double[] current, int d, bool secondOrder)
    {
        var m = reference.Length / d;
        var total = m + (current.Length / d);
        var width = secondOrder ? d + (d * (d + 1) / 2) : d;
        var features = new double[(long)total * width];
        for (var i = 0; i < total; i++)
        {
            var row = i < m ? reference.AsSpan(i * d, d) : current.AsSpan((i - m) * d, d);
            row.CopyTo(features.AsSpan(i * width, d));
        }

        Standardise(features, total, width, 0, d);
        if (secondOrder)
        {
            for (var i = 0; i < total; i++)
            {
                var row = features.AsSpan(i * width, width);
                var k = d;
                for (var a = 0; a < d; a++)
                {
                    for (var b = a; b < d; b++)
                    {
                        row[k++] = row[a] * row[b];
                    }
                }
            }

            Standardise(features, total, width, d, width);
        }

        return (features, width);
    }

    /// <summary>Standardises columns [first, end) with their pooled mean and population standard deviation (a constant
    /// column becomes 0).</summary>
    private static void Standardise(double[] features, int rows, int width, int first, int end)
    {
        for (var c = first; c < end; c++)
        {
            double mean = 0;
            for (var i = 0; i < rows; i++)
            {
                mean += features[(i * width) + c];
            }

            mean /= rows;
            double squares = 0;
            for (var i = 0; i < rows; i++)
            {
                var v = features[(i * width) + c] - mean;
                squares += v * v;
            }

            var sd = Math.Sqrt(squares / rows);
            var scale = sd > 0 ? 1 / sd : 0;
            for (var i = 0; i < rows; i++)
            {
                ref var v = ref features[(i * width) + c];
                v = (v - mean) * scale;
            }
        }
    }

    /// <summary>Stratified folds: each class's rows shuffled (seeded) and dealt round-robin.</summary>
    private static int[] AssignFolds(int m, int n, int k, long seed)
    {
        var folds = new int[m + n];
        var random = new SplitMix64Random(seed);
        Deal(folds, 0, m, k, ref random);
        Deal(folds, m, n, k, ref random);
        return folds;
    }

    private static void Deal(int[] folds, int first, int count, int k, ref SplitMix64Random random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = first + i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)random.NextBounded((ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        for (var i = 0; i < count; i++)
        {
            folds[order[i]] = i % k;
        }
    }

    private static ReadOnlyCollection<double> Importance(double[] beta, int d, bool secondOrder)
    {
        var importance = new double[d];
        for (var a = 0; a < d; a++)
        {
            importance[a] += Math.Abs(beta[1 + a]);
        }

        if (secondOrder)
        {
            var k = d;
            for (var a = 0; a < d; a++)
            {
                for (var b = a; b < d; b++)
                {
                    var weight = Math.Abs(beta[1 + k++]);
                    importance[a] += weight / 2;
                    importance[b] += weight / 2;
                }
            }
        }

        double total = 0;
        foreach (var v in importance)
        {
            total += v;
        }

        for (var a = 0; a < d && total > 0; a++)
        {
            importance[a] /= total;
        }

        return new ReadOnlyCollection<double>(importance);
    }
}
