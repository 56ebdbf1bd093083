using System.Xml.Linq;
using AiGovernance.Core;
using AiGovernance.Reporting.Charts;

namespace AiGovernance.Reporting.Tests.Charts;

/// <summary>The frame every chart shares: accessible name and description, both axes titled with their units, thresholds named
/// in the legend in their colours, every text escaped.</summary>
public sealed class ChartFrameTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartAxis Weeks = new("window end", "UTC date");
    private static readonly ChartAxis Psi = new("PSI");

    public static TheoryData<string> Kinds() => ["bars", "timeseries", "histogram", "intervals"];

    internal static ReportChart Chart(string kind, string title = "Drift of income") => kind switch
    {
        "bars" => new BarChart(title, ["a", "b", "c"], [Series("reference", ChartPalette.Reference, 0.2, 0.5, 0.3),
            Series("current", ChartPalette.Current, 0.1, 0.6, 0.3)], new ChartAxis("category"), new ChartAxis("share", "%"),
            ChartValueFormat.Percent) { Threshold = new ChartThreshold(0.4, "limit 40%") },
        "timeseries" => new TimeSeriesChart(title, ["2026-01-05", "2026-01-12", "2026-01-19"], [Series("PSI", ChartPalette.Current, 0.02, 0.3, 0.05)],
            Weeks, Psi) { Thresholds = [new ChartThreshold(0.25, "significant shift")] },
        "histogram" => new HistogramChart(title, [0, 1, 2, 3], [Series("reference", ChartPalette.Reference, 0.2, 0.5, 0.3)],
            new ChartAxis("income", "kEUR"), new ChartAxis("share", "%")),
        _ => new IntervalChart(title, [new IntervalChartRow("group A", 0.4, 0.35, 0.45, ChartPalette.Current)], new ChartAxis("selection rate", "%"),
            new ChartAxis("group"), ChartValueFormat.Percent) { References = [new ChartThreshold(0.5, "parity")] },
    };

    private static ChartSeries Series(string name, string colour, params double?[] values) => new(name, values, colour);

    private static XElement Parse(ReportChart chart) => XElement.Parse(chart.ToSvg());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChart_HasItsTitleAndDescription_ForScreenReaders(string kind)
    {
        var chart = Chart(kind);

        var svg = Parse(chart);

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Drift of income", (string?)svg.Attribute("aria-label"));
        Assert.Equal("Drift of income", svg.Element(Svg + "title")?.Value);
        Assert.Equal(chart.Describe(), svg.Element(Svg + "desc")?.Value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChart_TitlesBothAxes_WithTheirUnits(string kind)
    {
        var chart = Chart(kind);

        var titles = Parse(chart).Descendants(Svg + "text").Where(t => ((string?)t.Attribute("class"))?.StartsWith("axis-title", StringComparison.Ordinal) == true)
            .Select(t => t.Value).ToList();

        Assert.Equal([chart.YAxis.Title, chart.XAxis.Title], titles);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChart_NamesItsThresholdInTheLegend_DrawnDashedInItsColour(string kind)
    {
        var svg = Parse(Chart(kind));

        var legend = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        var thresholds = svg.Descendants(Svg + "line").Where(l => (string?)l.Attribute("class") == "threshold").ToList();
        if (kind == "histogram")
        {
            Assert.Empty(thresholds);
            return;
        }

        var line = Assert.Single(thresholds);
        Assert.Equal(ChartPalette.Threshold, (string?)line.Attribute("stroke"));
        Assert.Equal("7 5", (string?)line.Attribute("stroke-dasharray"));
        var label = kind switch { "bars" => "limit 40%", "timeseries" => "significant shift", _ => "parity" };
        Assert.Contains(legend.Elements(Svg + "text"), t => t.Value == label);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChart_EscapesItsTitle(string kind)
    {
        var markup = Chart(kind, "<script>alert(1)</script> & co").ToSvg();

        Assert.DoesNotContain("<script", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_TakesASeverityColour_ForItsLineAndLegend()
    {
        var amber = ChartPalette.ForSeverity(Severity.Medium);
        var chart = new TimeSeriesChart("PSI of income", ["w1", "w2"], [Series("PSI", ChartPalette.Current, 0.05, 0.12)], Weeks, Psi)
        {
            Thresholds = [new ChartThreshold(0.1, "moderate shift") { Colour = amber }, new ChartThreshold(0.25, "significant shift")],
        };

        var svg = Parse(chart);

        var strokes = svg.Descendants(Svg + "line").Where(l => (string?)l.Attribute("class") == "threshold").Select(l => (string?)l.Attribute("stroke"));
        Assert.Equal([amber, ChartPalette.Threshold], strokes);
        var legend = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["PSI", "moderate shift", "significant shift"], legend.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void WriteSvg_AppendsWhatToSvgReturns()
    {
        var chart = Chart("timeseries");
        var builder = new System.Text.StringBuilder("<p>before</p>");

        chart.WriteSvg(builder);

        Assert.Equal("<p>before</p>" + chart.ToSvg(), builder.ToString());
    }

    [Fact]
    public void WriteSvg_RejectsDigitsOutsideOneToFifteen() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart("bars").WriteSvg(new System.Text.StringBuilder(), 16));
}
