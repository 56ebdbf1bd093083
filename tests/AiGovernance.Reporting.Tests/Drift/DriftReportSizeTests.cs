using System.Text;
using AiGovernance.Benchmarks;
using AngleSharp.Html.Parser;

namespace AiGovernance.Reporting.Tests.Drift;

/// <summary>Issue 24's size bound: the HTML drift report of 1,000 columns is at most 5 MB, with the tool's default charts and
/// with every drifted column charted. (Its 1 s time bound is measured by <c>DriftJobReportBenchmarks</c>, not here.)</summary>
public sealed class DriftReportSizeTests
{
    private const int MaxBytes = 5_000_000;

    [Theory]
    [InlineData(ReportingDefaults.MaxChartedColumns, ReportingDefaults.MaxChartedColumns)]
    [InlineData(1_000, 250)]
    public void ThousandColumnHtml_IsAtMostFiveMegabytes(int chartedColumns, int expectedCharts)
    {
        var document = ThousandColumnDriftReport.Build(chartedColumns);

        var html = new ReportRenderer(ThousandColumnDriftReport.Options(chartedColumns)).ToHtml(document);

        var bytes = Encoding.UTF8.GetByteCount(html);
        Assert.True(bytes <= MaxBytes, $"{bytes:N0} bytes");
        var dom = new HtmlParser().ParseDocument(html);
        Assert.Equal(expectedCharts, dom.QuerySelectorAll("section[id^='drift-'] svg.distribution").Length);
        Assert.Equal(ThousandColumnDriftReport.Columns, dom.QuerySelectorAll("#columns tbody tr").Length);
        Assert.NotNull(dom.QuerySelector("#multivariate svg.reconstruction"));
        Assert.NotNull(dom.QuerySelector("#estimation svg.estimated-accuracy"));
    }
}
