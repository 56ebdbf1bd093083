using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Scorecards;

/// <summary>Collects metric values from every registered <see cref="IScorecardMetricSource"/> and scores them on the
/// configured <see cref="BalancedScorecard"/>.</summary>
/// <remarks>Thread-safe. Each warning of the report is also logged, and the scores are published as gauges on the
/// <c>AiGovernance.Scorecards</c> meter (<c>aigovernance.scorecards.health</c>,
/// <c>aigovernance.scorecards.dimension.score</c>, counter <c>aigovernance.scorecards.warnings</c>).</remarks>
public sealed class ScorecardEvaluator
{
    private readonly IScorecardMetricSource[] _sources;
    private readonly ILogger _logger;
    private readonly ScorecardsTelemetry _telemetry;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="sources">The metric sources, asked in order.</param>
    /// <param name="logger">Receives the report's warnings; optional.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scorecard"/> or <paramref name="sources"/> is null.</exception>
    public ScorecardEvaluator(BalancedScorecard scorecard, IEnumerable<IScorecardMetricSource> sources, ILogger<ScorecardEvaluator>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(sources);
        Scorecard = scorecard;
        _sources = [.. sources];
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _telemetry = ScorecardsTelemetry.Create(meterFactory);
    }

    /// <summary>The scorecard the readings are scored on.</summary>
    public BalancedScorecard Scorecard { get; }

    /// <summary>Reads every source and scores the period.</summary>
    /// <param name="systemName">The AI system's name.</param>
    /// <param name="period">The period's label.</param>
    /// <param name="previous">The previous period's report, for the changes; optional.</param>
    /// <param name="cancellationToken">Cancels the collection.</param>
    /// <returns>The report. A source that throws becomes a warning and its metrics count as missing.</returns>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> or <paramref name="period"/> is empty, two
    /// readings name the same metric, or <paramref name="previous"/> belongs to another system.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A source returned a non-finite value.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<ScorecardReport> EvaluateAsync(
        string systemName, string period, ScorecardReport? previous = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        var context = new MetricCollectionContext(systemName, period);
        var readings = new List<MetricReading>();
        var sourceWarnings = new List<string>();
        foreach (var source in _sources)
        {
            try
            {
                var values = await source.GetReadingsAsync(context, cancellationToken).ConfigureAwait(false);
                if (values is not null)
                {
                    readings.AddRange(values);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var name = source.GetType().Name;
                ScorecardsLog.MetricSourceFailed(_logger, systemName, period, name, ex);
                sourceWarnings.Add($"Metric source '{name}' failed ({ex.GetType().Name}: {ex.Message}); its metrics count as missing.");
            }
        }

        var report = Scorecard.EvaluateCollected(systemName, period, readings, previous, sourceWarnings);
        Publish(report);
        return report;
    }

    private void Publish(ScorecardReport report)
    {
        if (report.OverallHealth is { } health)
        {
            _telemetry.RecordHealth(report.SystemName, health);
        }

        foreach (var dimension in report.Dimensions)
        {
            if (dimension.Score is { } score)
            {
                _telemetry.RecordDimensionScore(report.SystemName, ScorecardDimensions.TagName(dimension.Dimension), score);
            }
        }

        foreach (var warning in report.Warnings)
        {
            ScorecardsLog.ScorecardWarning(_logger, report.SystemName, report.Period, warning);
        }

        if (report.Warnings.Count > 0)
        {
            _telemetry.RecordWarnings(report.SystemName, report.Warnings.Count);
        }
    }
}
