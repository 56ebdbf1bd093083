using System.Text.Json;

namespace AiGovernance.Scorecards;

/// <summary>A balanced scorecard for one AI system and period: dimension scores, overall health, weaknesses, warnings and
/// the change against the previous period; renders as an executive summary in Markdown, plain text or JSON.</summary>
/// <remarks>Immutable. Created by <see cref="BalancedScorecard.Evaluate(string, string, IEnumerable{MetricReading}, ScorecardReport)"/>
/// or read back with <see cref="FromJson(string)"/>.</remarks>
public sealed class ScorecardReport
{
    internal ScorecardReport(
        string systemName,
        string period,
        string? previousPeriod,
        double weaknessThreshold,
        double? overallHealth,
        double? previousOverallHealth,
        IReadOnlyList<DimensionScore> dimensions,
        IReadOnlyList<ScorecardWeakness> weaknesses,
        IReadOnlyList<string> warnings)
    {
        SystemName = systemName;
        Period = period;
        PreviousPeriod = previousPeriod;
        WeaknessThreshold = weaknessThreshold;
        OverallHealth = overallHealth;
        PreviousOverallHealth = previousOverallHealth;
        Dimensions = dimensions;
        Weaknesses = weaknesses;
        Warnings = warnings;
    }

    /// <summary>The AI system's name.</summary>
    public string SystemName { get; }

    /// <summary>The period's label.</summary>
    public string Period { get; }

    /// <summary>The previous period's label; <see langword="null"/> when no previous report was given.</summary>
    public string? PreviousPeriod { get; }

    /// <summary>The threshold below which a dimension or metric is a weakness.</summary>
    public double WeaknessThreshold { get; }

    /// <summary>The weighted mean of the measured dimensions' scores, in [0, 1]; <see langword="null"/> when no weighted
    /// dimension is measured.</summary>
    public double? OverallHealth { get; }

    /// <summary>The previous period's overall health; <see langword="null"/> without one.</summary>
    public double? PreviousOverallHealth { get; }

    /// <summary><see cref="OverallHealth"/> − <see cref="PreviousOverallHealth"/>; <see langword="null"/> unless both exist.</summary>
    /// <remarks>When the set of measured dimensions changed between the periods the two are weighted differently; the
    /// report then carries a warning saying so.</remarks>
    public double? OverallChange => OverallHealth - PreviousOverallHealth;

    /// <summary>The four dimensions, in the order technical, business, risk, adoption.</summary>
    public IReadOnlyList<DimensionScore> Dimensions { get; }

    /// <summary>Dimensions scoring below <see cref="WeaknessThreshold"/>, weakest first, each with the metrics behind it.</summary>
    public IReadOnlyList<ScorecardWeakness> Weaknesses { get; }

    /// <summary>Dimensions not measured, metrics without a value and ignored readings, in words.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The score of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Its score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not a defined value.</exception>
    public DimensionScore GetDimension(ScorecardDimension dimension)
    {
        if (!Enum.IsDefined(dimension))
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown scorecard dimension.");
        }

        return Dimensions[(int)dimension];
    }

    /// <summary>The executive summary as Markdown: overall health, a dimension table, areas requiring attention with the
    /// metrics behind them, warnings and every metric's value.</summary>
    /// <returns>Markdown text; numbers use the invariant culture.</returns>
    public string ToMarkdown() => ExecutiveSummaryWriter.Markdown(this);

    /// <summary>The executive summary as plain text, for e-mail or a console.</summary>
    /// <returns>Plain text; numbers use the invariant culture.</returns>
    public string ToPlainText() => ExecutiveSummaryWriter.PlainText(this);

    /// <summary>The report as indented JSON (camel-case names, enums as strings, nulls kept for unmeasured scores).</summary>
    /// <returns>JSON text, written with System.Text.Json source generation (trim- and AOT-safe).</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ScorecardJsonContext.Default.ScorecardReport);

    /// <summary>Reads a report written by <see cref="ToJson"/>, for example last quarter's, to pass as the previous
    /// period to <see cref="BalancedScorecard.Evaluate(string, string, IEnumerable{MetricReading}, ScorecardReport)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not a scorecard report.</exception>
    public static ScorecardReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScorecardReportJsonReader.Read(json);
    }
}
