using System.Globalization;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting.Drift;

namespace AiGovernance.Reporting.Tests.Drift;

/// <summary>Real drift reports from <see cref="DataDriftDetector"/> over deterministic data: a shifted numeric column with a
/// hostile name, a categorical column with a hostile new category, and an unchanged column.</summary>
internal static class DriftFixtures
{
    public const string HostileColumn = "<script>alert(1)</script>";
    public const string HostileCategory = "<img src=x onerror=alert(2)>";

    /// <summary>A small reference (400 rows: tests with p-values) or a large one (3,000 rows: distances without p-values).</summary>
    public static (DataDriftReport Report, TabularData Reference, TabularData Current) Build(int rows)
    {
        var reference = Table(rows, shift: 0, newCategoryEvery: 0);
        var current = Table(rows, shift: 30, newCategoryEvery: 3);
        var detector = new DataDriftDetector();
        return (detector.Compare(detector.Fit(reference), current), reference, current);
    }

    public static DriftReportDocument Document(int rows = 3000)
    {
        var (report, reference, current) = Build(rows);
        return DriftReportDocument.Create("credit-scoring", report, reference, current, "2026-09");
    }

    private static TabularData Table(int rows, int shift, int newCategoryEvery)
    {
        var hostile = new double[rows];
        var plain = new double[rows];
        var segment = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            hostile[i] = shift + (i % 50);
            plain[i] = i % 37;
            segment[i] = newCategoryEvery > 0 && i % newCategoryEvery == 0 ? HostileCategory : (i % 2 == 0 ? "a" : "b");
        }

        return TabularData.CreateBuilder()
            .AddNumeric(HostileColumn, hostile)
            .AddNumeric("plain", plain)
            .AddCategorical("segment", segment)
            .Build();
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
