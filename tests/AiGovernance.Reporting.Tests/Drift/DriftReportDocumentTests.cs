using System.Text.Json;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting.Drift;
using AiGovernance.Reporting.Json;
using AngleSharp.Html.Parser;

namespace AiGovernance.Reporting.Tests.Drift;

public sealed class DriftReportDocumentTests
{
    private readonly ReportRenderer _renderer = new();

    [Fact]
    public void Html_HostileColumnNameAndCategory_AreEncodedText_NeverMarkup()
    {
        var html = _renderer.ToHtml(DriftFixtures.Document());

        Assert.DoesNotContain(DriftFixtures.HostileColumn, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DriftFixtures.HostileCategory, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img"));
        var section = document.GetElementById(DriftReportDocument.ChartId(DriftFixtures.HostileColumn));
        Assert.NotNull(section);
        Assert.Equal(DriftFixtures.HostileColumn, section.GetAttribute("data-column"));
        Assert.Contains(DriftFixtures.HostileColumn, section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(section.QuerySelector("svg.distribution"));
    }

    [Fact]
    public void Html_IsSelfContained_NoScriptNoExternalReference()
    {
        var html = _renderer.ToHtml(DriftFixtures.Document());

        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, link, iframe, img, object, embed"));
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var id in new[] { "summary", "columns", "windows" })
        {
            Assert.NotNull(document.GetElementById(id));
        }
    }

    [Fact]
    public void Html_ColumnTable_ListsEveryColumnWorstFirst()
    {
        var doc = DriftFixtures.Document();
        var html = _renderer.ToHtml(doc);

        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("#columns tbody tr").ToArray();
        Assert.Equal(3, rows.Length);
        var severities = rows.Select(r => Enum.Parse<Core.Severity>(r.GetAttribute("data-severity")!)).ToArray();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
        Assert.Equal("plain", rows[^1].GetAttribute("data-column"));
        Assert.Equal("false", rows[^1].GetAttribute("data-drifted"));
    }

    [Fact]
    public void Json_DistanceMethods_HaveNullPValueWithTheReason_NeverNaN()
    {
        var json = _renderer.ToJson(DriftFixtures.Document(rows: 3000));

        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        JsonAssert.NoNonFiniteStrings(root);
        Assert.Equal(ReportJson.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("drift", root.GetProperty("kind").GetString());
        Assert.Equal("credit-scoring", root.GetProperty("system").GetString());
        var columns = root.GetProperty("windows")[0].GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(3, columns.Length);
        foreach (var column in columns)
        {
            var method = column.GetProperty("method").GetString();
            Assert.True(method is "NormalizedWasserstein" or "JensenShannon", method);
            Assert.Equal(JsonValueKind.Null, column.GetProperty("pValue").ValueKind);
            Assert.StartsWith("no p-value", column.GetProperty("nullReasons").GetProperty("pValue").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Number, column.GetProperty("statistic").ValueKind);
        }
    }

    [Fact]
    public void Json_SmallReference_TestsHaveNumericPValues()
    {
        var (report, _, _) = DriftFixtures.Build(400);
        var json = _renderer.ToJson(DriftReportDocument.Create("credit-scoring", report));

        using var parsed = JsonDocument.Parse(json);
        var hostile = parsed.RootElement.GetProperty("windows")[0].GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == DriftFixtures.HostileColumn);
        var expected = report.Columns.Single(c => c.Column == DriftFixtures.HostileColumn);
        Assert.Equal(expected.PValue, hostile.GetProperty("pValue").GetDouble());
        Assert.Equal(expected.Statistic, hostile.GetProperty("statistic").GetDouble());
        Assert.True(hostile.GetProperty("isDrifted").GetBoolean());
    }

    [Fact]
    public void Json_RoundTripsThroughParse()
    {
        var original = DriftFixtures.Document();

        var parsed = Assert.IsType<DriftReportDocument>(ReportJson.Parse(original.ToJson()));

        Assert.Equal(original.SystemName, parsed.SystemName);
        Assert.Equal(original.Latest.Columns.Select(c => c.Column), parsed.Latest.Columns.Select(c => c.Column));
        Assert.Equal(original.Latest.Columns.Select(c => c.Statistic), parsed.Latest.Columns.Select(c => c.Statistic));
        Assert.Equal(original.ToJson(), parsed.ToJson());
    }

    [Fact]
    public void Markdown_HostileColumnName_IsEscapedOrInACodeSpan()
    {
        var markdown = _renderer.ToMarkdown(DriftFixtures.Document());

        // Raw only inside code spans (headings of chart sections), where Markdown shows it as literal text.
        var raw = Occurrences(markdown, DriftFixtures.HostileColumn);
        Assert.Equal(raw, Occurrences(markdown, "`` " + DriftFixtures.HostileColumn) + Occurrences(markdown, "`" + DriftFixtures.HostileColumn));
        Assert.Contains("&lt;script\\>alert\\(1\\)&lt;/script\\>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.StartsWith("# Drift report — credit\\-scoring", markdown, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void OrderBySeverity_PutsDriftedAndWorseColumnsFirst()
    {
        var (report, _, _) = DriftFixtures.Build(3000);

        var ordered = DriftReportDocument.OrderBySeverity(report.Columns.Select(DriftColumn.From));

        Assert.Equal("plain", ordered[^1].Column);
        Assert.All(ordered.Take(2), c => Assert.True(c.IsDrifted));
    }

    [Fact]
    public void ChartId_WritesControlAndFormatCharactersAsEscapes()
    {
        Assert.Equal("drift-region_u001b]0;pwned_u0007_u200b", DriftReportDocument.ChartId("region\u001b]0;pwned\u0007\u200b"));
    }

    [Fact]
    public void ChartId_OfAVeryLongName_IsCutAndKeptDistinctByItsHash()
    {
        var a = DriftReportDocument.ChartId(new string('a', 10_000));
        var b = DriftReportDocument.ChartId(new string('a', 9_999) + "b");

        Assert.Equal("drift-".Length + 120 + 1 + 16, a.Length);
        Assert.StartsWith("drift-" + new string('a', 120) + "-", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void ChartId_ReplacesWhiteSpace()
    {
        Assert.Equal("drift-credit_score", DriftReportDocument.ChartId("credit_score"));
        Assert.Equal("drift-monthly_income_(EUR)", DriftReportDocument.ChartId("monthly income\t(EUR)"));
    }
}
