using System.Xml.Linq;
using AiGovernance.Core;
using AiGovernance.Reporting.Charts;

namespace AiGovernance.Reporting.Tests.Charts;

public sealed class TimeSeriesChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TimeSeriesChart Psi(IReadOnlyList<bool> highlighted) =>
        new("PSI of income", ["2026-01-05", "2026-01-12", "2026-01-19"], [new ChartSeries("PSI", [0.02, 0.31, null], ChartPalette.Current)],
            new ChartAxis("window end", "UTC date"), new ChartAxis("PSI"))
        {
            Highlighted = highlighted,
            HighlightNote = "drifted",
        };

    [Fact]
    public void HighlightedPoints_AreDrawnInTheCriticalColour_WithTheNoteInTheirTooltipAndTheLegend()
    {
        var svg = XElement.Parse(Psi([false, true, true]).ToSvg());

        var points = svg.Descendants(Svg + "circle").Where(c => ((string?)c.Attribute("class"))?.StartsWith("point", StringComparison.Ordinal) == true)
            .ToList();
        // The third window has no PSI: no point, highlighted or not.
        Assert.Equal(2, points.Count);
        Assert.Equal((ChartPalette.Current, "point"), ((string?)points[0].Attribute("fill"), (string?)points[0].Attribute("class")));
        Assert.Equal((ChartPalette.ForSeverity(Severity.Critical), "point flagged"), ((string?)points[1].Attribute("fill"),
            (string?)points[1].Attribute("class")));
        Assert.Equal("PSI · 2026-01-12: 0.310 (drifted)", points[1].Element(Svg + "title")?.Value);
        var legend = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["PSI", "drifted"], legend.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void NoHighlightedPoint_NoFlagInTheLegend()
    {
        var svg = XElement.Parse(Psi([]).ToSvg());

        var legend = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["PSI"], legend.Elements(Svg + "text").Select(t => t.Value));
        Assert.DoesNotContain(svg.Descendants(Svg + "circle"), c => (string?)c.Attribute("class") == "point flagged");
    }

    [Fact]
    public void UndefinedValue_BreaksTheLine()
    {
        var chart = new TimeSeriesChart("Override rate", ["w1", "w2", "w3", "w4"], [new ChartSeries("rate", [0.1, null, 0.2, 0.3], ChartPalette.Current)],
            new ChartAxis("week"), new ChartAxis("override rate", "%"), ChartValueFormat.Percent);

        var lines = XElement.Parse(chart.ToSvg()).Descendants(Svg + "polyline").ToList();

        Assert.Equal([1, 2], lines.Select(l => ((string)l.Attribute("points")!).Split(' ').Length));
    }

    [Fact]
    public void Constructor_WithoutPoints_NamesTheArgument()
    {
        var exception = Assert.Throws<ArgumentException>(() => new TimeSeriesChart("t", [], [new ChartSeries("s", [], ChartPalette.Current)],
            new ChartAxis("x"), new ChartAxis("y")));

        Assert.Equal("points", exception.ParamName);
    }
}
