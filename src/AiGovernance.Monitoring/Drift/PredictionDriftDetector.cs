using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>Detects drift of model outputs: class frequencies by Jensen–Shannon divergence, continuous scores by
/// Kolmogorov–Smirnov and PSI.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PredictionDriftDetector
{
    private readonly PredictionDriftOptions _options;

    /// <summary>Creates a detector with the defaults (JS threshold 0.1, level 0.05, minimum PSI 0.1, 10 bins).</summary>
    public PredictionDriftDetector()
        : this(new PredictionDriftOptions())
    {
    }

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The thresholds; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A threshold is out of range (the message lists every one).</exception>
    public PredictionDriftDetector(PredictionDriftOptions options)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), PredictionDriftOptionsValidator.Instance);

        _options = new PredictionDriftOptions
        {
            ClassDistributionThreshold = options.ClassDistributionThreshold,
            SignificanceLevel = options.SignificanceLevel,
            MinimumScorePsi = options.MinimumScorePsi,
            Bins = options.Bins,
        };
    }

    /// <summary>Compares predicted class frequencies.</summary>
    /// <param name="reference">Reference predictions (class codes).</param>
    /// <param name="current">Current predictions.</param>
    /// <returns>Both distributions over the union of classes, the JS divergence and PSI.</returns>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    public ClassDistributionDriftResult CompareClasses(ReadOnlySpan<int> reference, ReadOnlySpan<int> current)
    {
        if (reference.IsEmpty)
        {
            throw new ArgumentException("The reference predictions are empty.", nameof(reference));
        }

        if (current.IsEmpty)
        {
            throw new ArgumentException("The current predictions are empty.", nameof(current));
        }

        var classes = new SortedSet<int>();
        foreach (var c in reference)
        {
            classes.Add(c);
        }

        foreach (var c in current)
        {
            classes.Add(c);
        }

        var labels = classes.ToArray();
        var position = new Dictionary<int, int>(labels.Length);
        for (var k = 0; k < labels.Length; k++)
        {
            position[labels[k]] = k;
        }

        var referenceCounts = new long[labels.Length];
        var currentCounts = new long[labels.Length];
        foreach (var c in reference)
        {
            referenceCounts[position[c]]++;
        }

        foreach (var c in current)
        {
            currentCounts[position[c]]++;
        }

        var p = new double[labels.Length];
        var q = new double[labels.Length];
        for (var k = 0; k < labels.Length; k++)
        {
            p[k] = (double)referenceCounts[k] / reference.Length;
            q[k] = (double)currentCounts[k] / current.Length;
        }

        var js = Divergence.JensenShannonDivergence(p, q);
        return new ClassDistributionDriftResult
        {
            Classes = labels,
            ReferenceDistribution = p,
            CurrentDistribution = q,
            JensenShannonDivergence = js,
            Psi = PopulationStabilityIndex.FromCounts(referenceCounts, currentCounts),
            Threshold = _options.ClassDistributionThreshold,
            IsDrifted = js > _options.ClassDistributionThreshold,
        };
    }

    /// <summary>Compares continuous scores (for example predicted probabilities).</summary>
    /// <param name="reference">The reference scores, sorted once.</param>
    /// <param name="current">The current scores; finite.</param>
    /// <returns>KS statistic and p-value, PSI, and the verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or not finite.</exception>
    public ScoreDriftResult CompareScores(SortedSample reference, ReadOnlySpan<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);

        // Checked here so the exception names this method's parameter, not the inner test's.
        if (current.IsEmpty)
        {
            throw new ArgumentException("The current scores are empty.", nameof(current));
        }

        for (var i = 0; i < current.Length; i++)
        {
            if (!double.IsFinite(current[i]))
            {
                throw new ArgumentException($"The current score at index {i} is {current[i]}; scores must be finite.", nameof(current));
            }
        }

        var ks = KolmogorovSmirnov.TwoSample(reference, current);
        var psi = PopulationStabilityIndex.Compute(reference, current, new PsiOptions { Bins = _options.Bins });
        return new ScoreDriftResult(ks.Statistic, ks.PValue, psi, ks.PValue < _options.SignificanceLevel && psi > _options.MinimumScorePsi);
    }
}
