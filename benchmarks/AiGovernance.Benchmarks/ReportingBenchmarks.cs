using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Rendering a drift report of 1,000 columns (issue 24 target: HTML in at most 1 s and at most 5 MB). A fifth of the
/// columns drift, so the report charts the default 50 worst and lists all 1,000 in its table.</summary>
[MemoryDiagnoser]
public class ReportingBenchmarks
{
    private readonly ReportRenderer _renderer = new();
    private DriftReportDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int columns = 1_000;
        const int rows = 2_000;
        var reference = TabularData.CreateBuilder();
        var current = TabularData.CreateBuilder();
        for (var c = 0; c < columns; c++)
        {
            var shift = c % 5 == 0 ? 0.5 : 0.0;
            var r = new double[rows];
            var x = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                // A deterministic spread over [0, 1): multiplying by a prime coprime to the row count permutes the rows.
                r[i] = ((i * 7_919L) + c) % rows / (double)rows;
                x[i] = ((((i * 104_729L) + c) % rows) / (double)rows) + shift;
            }

            reference.AddNumeric($"feature_{c:0000}", r);
            current.AddNumeric($"feature_{c:0000}", x);
        }

        var referenceData = reference.Build();
        var currentData = current.Build();
        var detector = new DataDriftDetector();
        var report = detector.Compare(detector.Fit(referenceData), currentData);
        _document = DriftReportDocument.Create("benchmark-system", report, referenceData, currentData, "window");
        var html = _renderer.ToHtml(_document);
        Console.WriteLine($"// drift report of {columns} columns: HTML {html.Length * 1.0 / (1 << 20):F2} MiB of UTF-16 chars "
            + $"({System.Text.Encoding.UTF8.GetByteCount(html) / (1024.0 * 1024.0):F2} MB as UTF-8)");
    }

    [Benchmark]
    public string Html() => _renderer.ToHtml(_document);

    [Benchmark]
    public string Markdown() => _renderer.ToMarkdown(_document);

    [Benchmark]
    public string Json() => _renderer.ToJson(_document);
}
