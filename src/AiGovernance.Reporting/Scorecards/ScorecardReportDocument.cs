using System.Globalization;
using System.Text.Json.Serialization;
using AiGovernance.Core.Reports;
using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Layout;
using AiGovernance.Scorecards;

namespace AiGovernance.Reporting.Scorecards;

/// <summary>A balanced scorecard (technical, business, risk and adoption scores against the previous period, weaknesses)
/// and, optionally, the system's return on investment.</summary>
/// <remarks>Sections: <c>summary</c>, <c>dimensions</c> (previous period in blue, this period in orange, against the
/// weakness threshold), <c>metrics</c>, <c>roi</c> when given (figures and the NPV sensitivity table), <c>warnings</c>.</remarks>
public sealed class ScorecardReportDocument : ReportDocument
{
    /// <inheritdoc />
    public override string Kind => GovernanceReportKinds.Scorecard;

    /// <summary>The period scored, for example "2026-Q1".</summary>
    public required string Period { get; init; }

    /// <summary>The period compared with, when any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PreviousPeriod { get; init; }

    /// <summary>The score below which a dimension is a weakness.</summary>
    public double WeaknessThreshold { get; init; }

    /// <summary>The weighted overall health (0–100).</summary>
    public double? OverallHealth { get; init; }

    /// <summary>The previous period's overall health.</summary>
    public double? PreviousOverallHealth { get; init; }

    /// <summary>The four dimensions.</summary>
    public IReadOnlyList<ScorecardDimensionRow> Dimensions { get; init; } = [];

    /// <summary>The dimensions scoring below the threshold.</summary>
    public IReadOnlyList<ScorecardDimension> Weaknesses { get; init; } = [];

    /// <summary>Warnings (missing metrics, unmeasured dimensions).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The return on investment, when given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScorecardRoi? Roi { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a scorecard and, optionally, an ROI calculation.</summary>
    /// <param name="report">The scorecard.</param>
    /// <param name="generatedAt">When the report was made.</param>
    /// <param name="roi">The ROI, or <see langword="null"/>.</param>
    /// <returns>The document, titled with the scorecard's system name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ScorecardReportDocument Create(ScorecardReport report, DateTimeOffset generatedAt, ScorecardRoi? roi = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = new Json.NullReasons();
        return new ScorecardReportDocument
        {
            SystemName = report.SystemName,
            GeneratedAt = generatedAt,
            Period = report.Period,
            PreviousPeriod = report.PreviousPeriod,
            WeaknessThreshold = report.WeaknessThreshold,
            OverallHealth = r.Value(report.OverallHealth, "overallHealth", "no dimension was measured"),
            PreviousOverallHealth = r.Value(report.PreviousOverallHealth, "previousOverallHealth", "no previous period"),
            Dimensions = [.. report.Dimensions.Select(ScorecardDimensionRow.From)],
            Weaknesses = [.. report.Weaknesses.Select(w => w.Dimension)],
            Warnings = report.Warnings,
            Roi = roi,
            NullReasons = r.Result,
        };
    }

    /// <summary>Takes an ROI calculation alone (for a business case before any scorecard exists).</summary>
    /// <param name="systemName">The AI system.</param>
    /// <param name="period">The period, for example "business case 2026".</param>
    /// <param name="inputs">The ROI inputs.</param>
    /// <param name="generatedAt">When the report was made.</param>
    /// <returns>The document, with an ROI and no dimensions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> or <paramref name="period"/> is empty.</exception>
    public static ScorecardReportDocument ForRoi(string systemName, string period, RoiInputs inputs, DateTimeOffset generatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentNullException.ThrowIfNull(inputs);
        var r = new Json.NullReasons();
        return new ScorecardReportDocument
        {
            SystemName = systemName,
            GeneratedAt = generatedAt,
            Period = period,
            OverallHealth = r.Missing("overallHealth", "no scorecard: a business case only"),
            PreviousOverallHealth = r.Missing("previousOverallHealth", "no previous period"),
            Roi = ScorecardRoi.From(inputs, RoiCalculator.Calculate(inputs), RoiCalculator.Sensitivity(inputs)),
            NullReasons = r.Result,
        };
    }

    private protected override ReportLayout BuildLayout(ReportContext context)
    {
        var x = context;
        var inv = CultureInfo.InvariantCulture;
        var tiles = new List<ReportTile>
        {
            new("overall-health", "Overall health", x.Number(OverallHealth),
                PreviousOverallHealth is { } p ? "previous " + x.Number(p) : "no previous period",
                OverallHealth is { } h && h < WeaknessThreshold ? ReportTone.Bad : ReportTone.Neutral),
            new("weaknesses", "Weak dimensions", Weaknesses.Count.ToString(inv),
                Weaknesses.Count == 0 ? "none below " + x.Number(WeaknessThreshold) : string.Join(", ", Weaknesses),
                Weaknesses.Count == 0 ? ReportTone.Good : ReportTone.Bad),
        };
        if (Roi is { } roi)
        {
            tiles.Add(new("npv", "NPV", x.Number(roi.Npv),
                "expected " + x.Number(roi.ExpectedNpv) + " at " + x.Percent(roi.DiscountRate) + " discount",
                roi.Npv >= 0 ? ReportTone.Good : ReportTone.Bad));
            tiles.Add(new("payback", "Payback", roi.PaybackYears is { } pb ? x.Number(pb) + " years" : "not within " + roi.Years + " years",
                "IRR " + x.Percent(roi.Irr)));
        }

        var sections = new List<ReportSection> { new("summary", "Summary", [new TilesBlock(tiles)]) };
        if (Dimensions.Count > 0)
        {
            var series = new List<ChartSeries>();
            if (PreviousPeriod is not null)
            {
                series.Add(new("previous (" + x.Text(PreviousPeriod) + ")", [.. Dimensions.Select(d => d.PreviousScore)], ChartPalette.Reference));
            }

            series.Add(new("this period (" + x.Text(Period) + ")", [.. Dimensions.Select(d => d.Score)], ChartPalette.Current));
            var chart = new BarChart("Scores by dimension", [.. Dimensions.Select(d => d.Dimension.ToString())], series, new ChartAxis("dimension"),
                new ChartAxis("score", "0–100"))
            {
                Threshold = new ChartThreshold(WeaknessThreshold, "weakness threshold " + x.Number(WeaknessThreshold)),
            };
            sections.Add(new("dimensions", "Dimensions", [new ChartBlock(chart)]) { CssClass = "chart" });
            var rows = Dimensions.SelectMany(d => d.Metrics.Select(m => new TableRow(
            [
                d.Dimension.ToString(), x.Text(m.Name), TableCell.Number(x.Number(m.Value)),
                    TableCell.Number(x.Number(m.Floor) + " → " + x.Number(m.Target)),
                TableCell.Number(x.Number(m.Score)),
            ]))).Take(x.Options.MaxTableRows).ToList();
            sections.Add(new("metrics", "Metrics", [new TableBlock(["Dimension", "Metric", new("Value", true), new("Floor → target", true),
                new("Score", true)], rows)]));
        }

        if (Roi is { } money)
        {
            var blocks = new List<ReportBlock>
            {
                new FactsBlock(
                [
                    new("NPV", x.Number(money.Npv)), new("Expected NPV", x.Number(money.ExpectedNpv)), new("IRR", x.Percent(money.Irr)),
                    new("ROI", x.Percent(money.Roi)), new("Payback", money.PaybackYears is { } y ? x.Number(y) + " years" : "not within the horizon"),
                    new("Discounted payback", money.DiscountedPaybackYears is { } dy ? x.Number(dy) + " years" : "not within the horizon"),
                    new("Total investment", x.Number(money.TotalInvestment)), new("Total benefits", x.Number(money.TotalBenefits)),
                    new("Horizon", money.Years.ToString(inv) + " years at " + x.Percent(money.DiscountRate)),
                ]),
            };
            if (money.SensitivityChanges.Count > 0)
            {
                TableColumn[] columns = ["Benefits \\ costs", .. money.SensitivityChanges.Select(c => new TableColumn(Signed(c, x), true))];
                var rows = money.SensitivityNpv.Select((row, b) => new TableRow(
                    [Signed(money.SensitivityChanges[b], x), .. row.Select(v => TableCell.Number(x.Number(v)))])).ToList();
                blocks.Add(new ParagraphBlock("NPV when benefits (rows) and costs (columns) change by the given share:") { Muted = true });
                blocks.Add(new TableBlock(columns, rows) { CssClass = "sensitivity" });
                var npvByBenefit = new BarChart("NPV as benefits change (costs as planned)", [.. money.SensitivityChanges.Select(c => Signed(c, x))],
                    [new ChartSeries("NPV",
                        [.. money.SensitivityNpv.Select(row => (double?)row[money.SensitivityChanges.ToList().IndexOf(0) is var i and >= 0 ? i : 0])],
                        ChartPalette.Current)],
                    new ChartAxis("change in benefits", "%"), new ChartAxis("net present value", "currency"))
                {
                    Threshold = new ChartThreshold(0, "break-even"),
                };
                blocks.Add(new ChartBlock(npvByBenefit));
            }

            sections.Add(new("roi", "Return on investment", blocks) { CssClass = "chart" });
        }

        sections.Add(new("warnings", "Warnings", Warnings.Count == 0 ? [new ParagraphBlock("None.")] : [ListBlock.Of(Warnings.Select(x.Text))]));
        return new ReportLayout(Kind, "Scorecard", x.Text(SystemName), GeneratedAt, sections) { Byline = "period " + x.Text(Period) };
    }

    private static string Signed(double change, ReportContext x) => change > 0 ? "+" + x.Percent(change) : x.Percent(change);
}
