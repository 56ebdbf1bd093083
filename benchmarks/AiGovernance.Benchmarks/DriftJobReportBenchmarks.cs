using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Rendering the aigov tool's drift report for 1,000 columns (issue 24 target: HTML in at most 1 s and at most
/// 5 MB): three windows with validation, the latest window's drifted columns charted (the tool's default of 50, and every
/// one of the 250 drifted columns), the trend, multivariate and estimation sections and the responses
/// (<see cref="ThousandColumnDriftReport"/>).</summary>
[MemoryDiagnoser]
public class DriftJobReportBenchmarks
{
    private ReportRenderer _renderer = null!;
    private DriftReportDocument _document = null!;

    /// <summary>The most drifted columns charted: the default (50), or all of them.</summary>
    [Params(50, 1_000)]
    public int ChartedColumns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new ReportRenderer(ThousandColumnDriftReport.Options(ChartedColumns));
        _document = ThousandColumnDriftReport.Build(ChartedColumns);
        var html = _renderer.ToHtml(_document);
        Console.WriteLine($"// {ThousandColumnDriftReport.Columns} columns, {_document.Distributions.Count} charted: HTML "
            + $"{System.Text.Encoding.UTF8.GetByteCount(html) / 1_000_000.0:F2} MB (UTF-8), JSON "
            + $"{System.Text.Encoding.UTF8.GetByteCount(_renderer.ToJson(_document)) / 1_000_000.0:F2} MB");
    }

    [Benchmark]
    public string Html() => _renderer.ToHtml(_document);

    [Benchmark]
    public string Markdown() => _renderer.ToMarkdown(_document);

    [Benchmark]
    public string Json() => _renderer.ToJson(_document);
}
