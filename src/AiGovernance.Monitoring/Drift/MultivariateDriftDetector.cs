using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>Detects drift in the joint distribution of many columns — a change of the relationships between features that
/// column-by-column tests cannot see because every marginal stays put.</summary>
/// <remarks>
/// <para><b>Encoding</b> (fitted on the reference): numeric columns as they are, missing values imputed with the reference
/// mean; categorical columns one-hot over their <see cref="MultivariateDriftOptions.MaxCategories"/> most frequent
/// reference categories plus "(other)" (any other or unseen category) and "(missing)". Every feature is then
/// standardised with the reference's mean and population standard deviation.</para>
/// <para><b>PCA reconstruction error</b> (as NannyML's data reconstruction drift): principal components of the reference
/// (MathNet SVD) up to <see cref="MultivariateDriftOptions.ExplainedVariance"/> (0.65); a row's error is the distance
/// between its standardised form and its reconstruction from those components (<see cref="PrincipalComponentModel"/>);
/// a window's value is its rows' mean error. <b>Threshold rule:</b> the reference, in its row order, is cut into
/// <see cref="MultivariateDriftOptions.ReferenceChunks"/> (20) contiguous chunks of c = ⌊n/20⌋ rows (the few remaining
/// rows are left out of the estimate); each chunk's mean error is measured out of sample, by components (as many as the
/// final model keeps) fitted on all the other reference rows; with μ and s the mean and sample standard deviation of the
/// chunks' mean errors, a window of m rows drifts when its mean error is outside μ ± 3·s·√(c/m) — NannyML's 3-sigma band
/// over reference chunks, measured without the in-sample optimism of scoring the rows the components were fitted to
/// (which with dozens of features is enough to flag a clean window), and rescaled to the window's size because a mean's
/// standard error shrinks with 1/√rows.</para>
/// <para><b>Domain classifier</b> (<see cref="Statistics.DomainClassifier"/>): ridge logistic regression, 5-fold
/// cross-validated AUC with a DeLong interval on at most 1,000 seeded rows per side, with squares and pairwise products
/// of the features when there are at most 12 of them (so that a change of correlation is visible to it); its p-value is
/// the one-sided DeLong test of AUC &gt; 0.5 + <see cref="MultivariateDriftOptions.ClassifierMargin"/> (0.02). The columns
/// it leaned on are reported (one-hot levels summed per column).</para>
/// <para><b>Maximum mean discrepancy</b> (<see cref="MaximumMeanDiscrepancy"/>): Gaussian kernel on the standardised
/// features with the median-heuristic bandwidth; the unbiased estimator with a seeded permutation p-value on at most
/// 1,000 rows per side, or the linear-time estimator on every row when both sides exceed
/// <see cref="MultivariateDriftOptions.LinearTimeMmdRows"/> (10,000).</para>
/// <para><b>Levels:</b> the classifier's and the MMD's p-values are Holm-corrected together and compared with
/// <see cref="MultivariateDriftOptions.SignificanceLevel"/> (0.05), so without drift they signal together at most 5 % of
/// the time; the reconstruction band is its own rule (its measured false-alarm rate is in the package README).</para>
/// <para>All randomness comes from <see cref="MultivariateDriftOptions.Seed"/>: the same data give the same report.
/// Immutable and thread-safe; one detector and one reference may serve concurrent comparisons.</para>
/// </remarks>
public sealed class MultivariateDriftDetector
{
    private readonly MultivariateDriftOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Methods, thresholds and seeds; the defaults when <see langword="null"/>. Copied, so later edits have no effect.</param>
    /// <param name="timeProvider">Stamps reports; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MultivariateDriftDetector(MultivariateDriftOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new MultivariateDriftOptions();
        if ((options.Methods & ~MultivariateDriftMethods.All) != 0 || !(options.ExplainedVariance is >= 0.01 and <= 1)
            || options.ReferenceChunks is < 3 or > 10_000 || !(options.ThresholdStandardDeviations is >= 0.5 and <= 10)
            || !(options.ClassifierMargin is >= 0 and <= 0.45) || !(options.ConfidenceLevel is >= 0.5 and <= 0.9999)
            || options.Folds is < 2 or > 20 || !(options.RidgePenalty > 0 && double.IsFinite(options.RidgePenalty))
            || options.SecondOrderFeatureLimit is < 0 or > 100 || options.MmdPermutations is < 1 or > 100_000
            || !(options.SignificanceLevel is > 0 and <= 0.5) || options.MaxRowsPerSide is < 10 or > 8000
            || options.LinearTimeMmdRows < 4 || options.MaxCategories is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "A multivariate drift option is out of range (see MultivariateDriftOptions).");
        }

        _options = new MultivariateDriftOptions
        {
            Methods = options.Methods,
            ExplainedVariance = options.ExplainedVariance,
            ReferenceChunks = options.ReferenceChunks,
            ThresholdStandardDeviations = options.ThresholdStandardDeviations,
            ClassifierMargin = options.ClassifierMargin,
            ConfidenceLevel = options.ConfidenceLevel,
            Folds = options.Folds,
            RidgePenalty = options.RidgePenalty,
            SecondOrderFeatureLimit = options.SecondOrderFeatureLimit,
            MmdPermutations = options.MmdPermutations,
            SignificanceLevel = options.SignificanceLevel,
            MaxRowsPerSide = options.MaxRowsPerSide,
            LinearTimeMmdRows = options.LinearTimeMmdRows,
            MaxCategories = options.MaxCategories,
            Seed = options.Seed,
        };
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Fits the encoding, the principal components and the reconstruction threshold on a reference.</summary>
    /// <param name="reference">The reference (for example training) data, in its natural row order (chunks are contiguous).</param>
    /// <returns>The fitted reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException">The reference has fewer than 5 rows per chunk (100 with the default 20 chunks) or
    /// no column with a present value.</exception>
    /// <remarks>O(chunks × (rows × features² + features³)): the components are fitted once, then once more per chunk to
    /// score it out of sample; the chunks' fits run in parallel (each sums its rows in order, so the result does not depend
    /// on the number of cores).</remarks>
    public MultivariateReference Fit(TabularData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var chunks = _options.ReferenceChunks;
        var minimum = chunks * MultivariateDriftDefaults.MinimumChunkRows;
        if (reference.RowCount < minimum)
        {
            throw new ArgumentException(
                $"The reference has {reference.RowCount} rows; {chunks} chunks of at least {MultivariateDriftDefaults.MinimumChunkRows} rows need "
                + $"{minimum} (lower ReferenceChunks for a smaller reference).",
                nameof(reference));
        }

        var encoder = FeatureEncoder.Fit(reference, _options.MaxCategories);
        var encoded = encoder.Encode(reference, nameof(reference));
        var width = encoder.Width;
        var model = PrincipalComponentModel.Fit(encoded, width, _options.ExplainedVariance);
        var chunkSize = reference.RowCount / chunks;
        var chunkErrors = new double[chunks];

        // Out of sample: chunk k is scored by components fitted on every other reference row (same component count as the
        // final model), so the band describes new data, not the rows the components were fitted to. The chunks' fits are
        // independent (each its own sums, in row order, without copying the other rows): they run on every core.
        Parallel.For(0, chunks, k =>
        {
            var held = PrincipalComponentModel.FitComponentsExcluding(encoded, width, model.ComponentCount, k * chunkSize, chunkSize);
            chunkErrors[k] = held.MeanReconstructionError(encoded.AsSpan(k * chunkSize * width, chunkSize * width));
        });

        Standardise(encoded, model);
        return new MultivariateReference(encoder, model, encoded, reference.RowCount, chunkErrors, chunkSize, _options.ExplainedVariance);
    }

    /// <summary>Compares a window with the reference by every configured method.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current window; it must hold every reference column with the same kind.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> has no rows, lacks a reference column or holds one of
    /// another kind (the message names it).</exception>
    public MultivariateDriftReport Compare(MultivariateReference reference, TabularData current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (current.RowCount == 0)
        {
            throw new ArgumentException("The current window has no rows.", nameof(current));
        }

        var encoded = reference.Encoder.Encode(current, nameof(current));
        var width = reference.Encoder.Width;
        var notes = new List<string>();
        ReconstructionDriftResult? reconstruction = null;
        if (_options.Methods.HasFlag(MultivariateDriftMethods.Reconstruction))
        {
            reconstruction = Reconstruction(reference, encoded, current.RowCount);
        }

        Standardise(encoded, reference.Model);
        DomainClassifierDriftResult? classifier = null;
        if (_options.Methods.HasFlag(MultivariateDriftMethods.DomainClassifier))
        {
            if (current.RowCount < _options.Folds)
            {
                notes.Add($"Domain classifier skipped: the window has {current.RowCount} rows, fewer than the {_options.Folds} folds.");
            }
            else
            {
                classifier = Classify(reference, encoded, width);
            }
        }

        MmdDriftResult? mmd = null;
        if (_options.Methods.HasFlag(MultivariateDriftMethods.MaximumMeanDiscrepancy))
        {
            if (current.RowCount < 4)
            {
                notes.Add($"MMD skipped: the window has {current.RowCount} rows; at least 4 are needed.");
            }
            else
            {
                var options = new MmdOptions
                {
                    Permutations = _options.MmdPermutations,
                    Seed = _options.Seed,
                    MaxRowsPerSide = _options.MaxRowsPerSide,
                };
                mmd = JointDriftVerdicts.Mmd(reference.Standardised, encoded, width, options, _options.LinearTimeMmdRows, _options.SignificanceLevel);
            }
        }

        var adjusted = JointDriftVerdicts.Holm(classifier?.PValue, mmd?.PValue);
        var alpha = _options.SignificanceLevel;
        classifier = classifier is null ? null : classifier with { AdjustedPValue = adjusted[0], IsDrifted = adjusted[0] < alpha };
        mmd = mmd is null ? null : mmd with { AdjustedPValue = adjusted[1], IsDrifted = adjusted[1] < alpha };
        var drifted = (reconstruction?.IsDrifted == true ? 1 : 0) + (classifier?.IsDrifted == true ? 1 : 0) + (mmd?.IsDrifted == true ? 1 : 0);
        return new MultivariateDriftReport
        {
            GeneratedAt = _timeProvider.GetUtcNow(),
            ReferenceRowCount = reference.RowCount,
            CurrentRowCount = current.RowCount,
            Columns = reference.Columns,
            FeatureCount = width,
            Reconstruction = reconstruction,
            DomainClassifier = classifier,
            Mmd = mmd,
            Notes = notes,
            DriftedMethodCount = drifted,
            IsDrifted = drifted > 0,
            Severity = JointDriftVerdicts.SeverityOf(drifted),
        };
    }

    private ReconstructionDriftResult Reconstruction(MultivariateReference reference, double[] encoded, int rows)
    {
        var error = reference.Model.MeanReconstructionError(encoded);
        var half = _options.ThresholdStandardDeviations * reference.ChunkStandardDeviation * Math.Sqrt((double)reference.ChunkSize / rows);
        var lower = reference.ChunkMean - half;
        var upper = reference.ChunkMean + half;
        return new ReconstructionDriftResult
        {
            MeanError = error,
            LowerThreshold = lower,
            UpperThreshold = upper,
            ReferenceMean = reference.ChunkMean,
            ReferenceChunkStandardDeviation = reference.ChunkStandardDeviation,
            ChunkSize = reference.ChunkSize,
            ComponentCount = reference.ComponentCount,
            ExplainedVarianceRatio = reference.ExplainedVarianceRatio,
            IsDrifted = error < lower || error > upper,
        };
    }

    private DomainClassifierDriftResult Classify(MultivariateReference reference, double[] standardised, int width)
    {
        var secondOrder = width <= _options.SecondOrderFeatureLimit;
        var result = Statistics.DomainClassifier.Test(reference.Standardised, standardised, width, new DomainClassifierOptions
        {
            Folds = _options.Folds,
            RidgePenalty = _options.RidgePenalty,
            ConfidenceLevel = _options.ConfidenceLevel,
            Seed = _options.Seed,
            SecondOrderFeatures = secondOrder,
            MaxRowsPerSide = _options.MaxRowsPerSide,
        });
        var shares = new double[reference.Columns.Count];
        for (var f = 0; f < width; f++)
        {
            shares[reference.Encoder.FeatureColumns[f]] += result.FeatureImportance[f];
        }

        var importance = shares
            .Select((share, i) => new ColumnImportance(reference.Columns[i], share))
            .OrderByDescending(c => c.Share)
            .ThenBy(c => c.Column, StringComparer.Ordinal)
            .ToArray();
        return JointDriftVerdicts.Classifier(result, importance, secondOrder, _options.ClassifierMargin, _options.SignificanceLevel);
    }

    /// <summary>Standardises encoded rows in place with the model's reference means and scales.</summary>
    private static void Standardise(double[] encoded, PrincipalComponentModel model)
    {
        var width = model.Columns;
        var means = model.Means.ToArray();
        var scales = model.Scales.ToArray();
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = i % width;
            encoded[i] = (encoded[i] - means[c]) / scales[c];
        }
    }
}
