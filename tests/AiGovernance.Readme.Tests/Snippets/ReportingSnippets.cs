using System.Text.Json;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Reporting/README.md.</summary>
public class ReportingSnippets
{
    private static TabularData Applications(int rows, double incomeMean, int seed) =>
        TabularData.CreateBuilder()
            .AddNumeric("income", SnippetData.Normal(rows, incomeMean, 12_000, seed))
            .AddCategorical("region", [.. Enumerable.Range(0, rows).Select(i => (string?)((i % 3) switch { 0 => "north", 1 => "south", _ => "west" }))])
            .Build();

    [Fact]
    public void Block1_RendersADriftReportAsHtmlMarkdownAndJson()
    {
        using var temp = SnippetData.CreateTempDirectory();
        var folder = temp.Path;
        var reference = Applications(5_000, 52_000, seed: 1);
        var current = Applications(5_000, 60_000, seed: 3);

        var detector = new DataDriftDetector();
        var report = detector.Compare(detector.Fit(reference), current);
        var document = DriftReportDocument.Create("loan-approval", report, reference, current, windowName: "2026-09");

        var renderer = new ReportRenderer();
        File.WriteAllText(Path.Combine(folder, "drift.html"), renderer.ToHtml(document));
        File.WriteAllText(Path.Combine(folder, "drift.md"), renderer.ToMarkdown(document));
        File.WriteAllText(Path.Combine(folder, "drift.json"), renderer.ToJson(document));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "drift.json")));
        Assert.Equal("loan-approval", json.RootElement.GetProperty("system").GetString());
        var income = json.RootElement.GetProperty("windows")[0].GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == "income");
        Assert.True(income.GetProperty("isDrifted").GetBoolean());
        Assert.Contains("id=\"drift-income\"", File.ReadAllText(Path.Combine(folder, "drift.html")), StringComparison.Ordinal);
    }
}
