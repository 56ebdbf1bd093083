using System.Text;

namespace AiGovernance.Reporting.Charts;

/// <summary>A chart of the reports' one visual grammar: inline SVG 760 × 300 (scaled to the page, readable at 1280 px and on
/// A4), both axes labelled with their units, reference blue against current orange, thresholds as dashed red lines, a
/// legend, and a tooltip on every mark.</summary>
/// <remarks>A chart is an immutable description; <see cref="ToSvg"/> writes an <c>&lt;svg&gt;</c> element that can be placed
/// in any HTML page (it needs no script, stylesheet or font file). Every text in it is escaped.</remarks>
public abstract class ReportChart
{
    private protected ReportChart(string title, ChartAxis xAxis, ChartAxis yAxis, string cssClass,
        ChartValueFormat format = ChartValueFormat.Number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(xAxis);
        ArgumentNullException.ThrowIfNull(yAxis);
        Title = title;
        XAxis = xAxis;
        YAxis = yAxis;
        CssClass = cssClass;
        Format = format;
    }

    /// <summary>What the chart shows; its accessible name and caption.</summary>
    public string Title { get; }

    /// <summary>The horizontal axis.</summary>
    public ChartAxis XAxis { get; }

    /// <summary>The vertical axis.</summary>
    public ChartAxis YAxis { get; }

    /// <summary>The <c>class</c> of the <c>&lt;svg&gt;</c> element, for styling and tests.</summary>
    public string CssClass { get; init; }

    /// <summary>How the values are written on ticks and in tooltips: numbers or percentages.</summary>
    public ChartValueFormat Format { get; }

    /// <summary>Writes the chart as an <c>&lt;svg&gt;</c> element.</summary>
    /// <param name="significantDigits">Significant digits of the values in tooltips, 1 to 15.</param>
    /// <returns>The SVG markup.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is outside 1 to 15.</exception>
    public string ToSvg(int significantDigits = ReportingDefaults.SignificantDigits)
    {
        var builder = new StringBuilder(4096);
        WriteSvg(builder, significantDigits);
        return builder.ToString();
    }

    /// <summary>Appends the chart's <c>&lt;svg&gt;</c> element to <paramref name="builder"/>, for pages built in one buffer (the
    /// governance dashboard).</summary>
    /// <param name="builder">Where to append.</param>
    /// <param name="significantDigits">Significant digits of the values in tooltips, 1 to 15.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is outside 1 to 15.</exception>
    public void WriteSvg(StringBuilder builder, int significantDigits = ReportingDefaults.SignificantDigits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 15);
        Write(builder, significantDigits);
    }

    /// <summary>A one-sentence text alternative (used by the Markdown rendering, where no picture is drawn).</summary>
    /// <returns>The sentence.</returns>
    public abstract string Describe();

    private protected abstract void Write(StringBuilder builder, int significantDigits);

    internal void WriteTo(StringBuilder builder, int significantDigits) => Write(builder, significantDigits);
}
