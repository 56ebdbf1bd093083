using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.VendorSla;

/// <summary>Independent monitoring of a third-party AI component: logs its predictions (with optional ground truth and
/// latency) and reports accuracy, precision, recall and latency percentiles over a rolling window against the contract.</summary>
/// <remarks>
/// <para>Thread-safe: <see cref="LogPrediction"/> may be called concurrently from request paths; it takes a short lock
/// and allocates nothing per call (amortised). Records that fall out of the window are dropped as new ones arrive.</para>
/// <para>The window is (now − <see cref="VendorSlaOptions.Window"/>, now] on the <see cref="TimeProvider"/>. Below
/// <see cref="VendorSlaOptions.MinimumLabelledRecords"/> labelled records the report is
/// <see cref="VendorSlaStatus.InsufficientData"/> and no violation is judged. A metric below its tolerated limit is a
/// violation only when a one-sided one-sample proportion z-test (<see cref="ProportionZTest.OneSample"/>, statsmodels
/// <c>proportions_ztest</c>) rejects, at <see cref="VendorSlaOptions.SignificanceLevel"/>, that the true value meets the
/// limit: for a rate with k successes of n, H₁: rate &lt; limit; for a latency percentile q with e of m latencies above
/// the limit, H₁: the share above the limit exceeds 1 − q (so the true q-quantile is above the limit).</para>
/// </remarks>
public sealed class VendorPerformanceMonitor
{
    private readonly TimeProvider _timeProvider;
    private readonly VendorSlaOptions _options;
    private readonly MonitoringTelemetry _telemetry;
    private readonly Lock _gate = new();
    private readonly List<VendorPrediction> _records = [];
    private int _nextPruneAt = 1024;

    /// <summary>Creates a monitor.</summary>
    /// <param name="vendor">The vendor's name.</param>
    /// <param name="component">The component's name.</param>
    /// <param name="baseline">The contracted performance.</param>
    /// <param name="timeProvider">The clock that stamps predictions and ends the window.</param>
    /// <param name="options">Window, tolerances and significance; defaults when <see langword="null"/>.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">A name is empty, a contracted rate is outside [0, 1], or a latency is not positive.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message lists every one).</exception>
    public VendorPerformanceMonitor(string vendor, string component, VendorSlaBaseline baseline, TimeProvider timeProvider,
        VendorSlaOptions? options = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!(baseline.Accuracy is >= 0 and <= 1 && baseline.Precision is >= 0 and <= 1 && baseline.Recall is >= 0 and <= 1))
        {
            throw new ArgumentException("Contracted accuracy, precision and recall must be in [0, 1].", nameof(baseline));
        }

        if (baseline.LatencyP95 <= TimeSpan.Zero || baseline.LatencyP99 <= TimeSpan.Zero)
        {
            throw new ArgumentException("Contracted latencies must be positive.", nameof(baseline));
        }

        options ??= new VendorSlaOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), VendorSlaOptionsValidator.Instance);

        Vendor = vendor;
        Component = component;
        Baseline = baseline;
        _timeProvider = timeProvider;
        _telemetry = MonitoringTelemetry.Create(meterFactory);
        _options = new VendorSlaOptions
        {
            Window = options.Window,
            MinimumLabelledRecords = options.MinimumLabelledRecords,
            MetricTolerance = options.MetricTolerance,
            LatencyToleranceFactor = options.LatencyToleranceFactor,
            SignificanceLevel = options.SignificanceLevel,
        };
    }

    /// <summary>The vendor's name.</summary>
    public string Vendor { get; }

    /// <summary>The component's name.</summary>
    public string Component { get; }

    /// <summary>The contracted performance.</summary>
    public VendorSlaBaseline Baseline { get; }

    /// <summary>Logs one prediction of the vendor's component (binary classification; positive is <see langword="true"/>).</summary>
    /// <param name="predicted">The vendor's prediction.</param>
    /// <param name="actual">The ground truth, when known.</param>
    /// <param name="latency">How long the call took, when measured.</param>
    /// <param name="timestamp">When it happened; the current time when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public void LogPrediction(bool predicted, bool? actual = null, TimeSpan? latency = null, DateTimeOffset? timestamp = null)
    {
        if (latency is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(l, TimeSpan.Zero, nameof(latency));
        }

        var now = _timeProvider.GetUtcNow();
        var record = new VendorPrediction(
            timestamp ?? now,
            predicted,
            actual switch { null => VendorPrediction.Unlabelled, true => 1, false => 0 },
            latency?.TotalMilliseconds ?? double.NaN);
        lock (_gate)
        {
            _records.Add(record);
            if (_records.Count >= _nextPruneAt)
            {
                var cutoff = WindowStart(now, _options.Window);
                _records.RemoveAll(r => r.Timestamp <= cutoff);
                _nextPruneAt = Math.Max(1024, _records.Count * 2);
            }
        }
    }

    /// <summary>Reports performance over the window ending now.</summary>
    /// <returns>The report.</returns>
    public VendorSlaReport GetReport()
    {
        var end = _timeProvider.GetUtcNow();
        var start = WindowStart(end, _options.Window);
        var count = 0;
        var confusion = default(ConfusionCounts);
        var latencies = new List<double>();
        lock (_gate)
        {
            foreach (var r in _records)
            {
                if (r.Timestamp <= start || r.Timestamp > end)
                {
                    continue;
                }

                count++;
                if (!double.IsNaN(r.LatencyMilliseconds))
                {
                    latencies.Add(r.LatencyMilliseconds);
                }

                if (r.Actual != VendorPrediction.Unlabelled)
                {
                    confusion = confusion.Add(r.Actual == 1, r.Predicted);
                }
            }
        }

        var (tp, fp, fn, tn) = confusion;
        var labelled = confusion.Count;
        var sorted = latencies.Count == 0 ? null : SortedSample.Create(CollectionsMarshal.AsSpan(latencies));
        var p95 = sorted is null ? double.NaN : sorted.Quantile(0.95);
        var p99 = sorted is null ? double.NaN : sorted.Quantile(0.99);
        var report = new VendorSlaReport
        {
            Vendor = Vendor,
            Component = Component,
            Baseline = Baseline,
            WindowStart = start,
            WindowEnd = end,
            RecordCount = count,
            LabelledCount = (int)labelled,
            LatencyCount = latencies.Count,
            Accuracy = confusion.Accuracy,
            Precision = confusion.Precision,
            Recall = confusion.Recall,
            LatencyP95Milliseconds = p95,
            LatencyP99Milliseconds = p99,
        };
        if (labelled < _options.MinimumLabelledRecords)
        {
            return report with { Status = VendorSlaStatus.InsufficientData };
        }

        var violations = new List<VendorSlaViolation>();
        CheckRate(VendorSlaMetric.Accuracy, tp + tn, labelled, Baseline.Accuracy, violations);
        CheckRate(VendorSlaMetric.Precision, tp, tp + fp, Baseline.Precision, violations);
        CheckRate(VendorSlaMetric.Recall, tp, tp + fn, Baseline.Recall, violations);
        CheckLatency(VendorSlaMetric.LatencyP95, 0.95, p95, sorted, Baseline.LatencyP95, violations);
        CheckLatency(VendorSlaMetric.LatencyP99, 0.99, p99, sorted, Baseline.LatencyP99, violations);
        foreach (var violation in violations)
        {
            _telemetry.RecordSlaViolation(Vendor, violation.Metric.ToString());
        }

        return report with
        {
            Status = violations.Count > 0 ? VendorSlaStatus.Violated : VendorSlaStatus.Compliant,
            Violations = violations,
        };
    }

    private void CheckRate(VendorSlaMetric metric, long successes, long trials, double contracted, List<VendorSlaViolation> violations)
    {
        var limit = contracted - _options.MetricTolerance;
        if (trials == 0 || limit <= 0 || (double)successes / trials >= limit)
        {
            return;
        }

        var p = ProportionZTest.OneSample(successes, trials, limit, Alternative.Less).PValue;
        if (p < _options.SignificanceLevel)
        {
            var observed = (double)successes / trials;
            violations.Add(new VendorSlaViolation(metric, observed, contracted, limit, p, string.Create(CultureInfo.InvariantCulture,
                $"{metric} SLA violation: {observed:F3} ({successes}/{trials}) < {contracted:F3} − {_options.MetricTolerance:F3} tolerance " +
                    $"(one-sided p = {p:G3}).")));
        }
    }

    private void CheckLatency(VendorSlaMetric metric, double quantile, double observed, SortedSample? sorted, TimeSpan contracted,
        List<VendorSlaViolation> violations)
    {
        var limit = contracted.TotalMilliseconds * _options.LatencyToleranceFactor;
        if (sorted is null || !(observed > limit))
        {
            return;
        }

        var above = sorted.Count - sorted.CountAtOrBelow(limit);
        var p = ProportionZTest.OneSample(above, sorted.Count, 1 - quantile, Alternative.Greater).PValue;
        if (p < _options.SignificanceLevel)
        {
            violations.Add(new VendorSlaViolation(metric, observed, contracted.TotalMilliseconds, limit, p,
                string.Create(CultureInfo.InvariantCulture,
                $"{metric} SLA violation: {observed:F1}ms > {contracted.TotalMilliseconds:F1}ms × {_options.LatencyToleranceFactor:G3}; {above} of " +
                    $"{sorted.Count} calls above {limit:F1}ms (one-sided p = {p:G3}).")));
        }
    }

    /// <summary>now − window, or <see cref="DateTimeOffset.MinValue"/> when the window reaches further back than the calendar
    /// (a valid, if generous, option that would otherwise make the subtraction throw).</summary>
    private static DateTimeOffset WindowStart(DateTimeOffset now, TimeSpan window) =>
        now - DateTimeOffset.MinValue <= window ? DateTimeOffset.MinValue : now - window;
}
