using System.Text.Json;
using AiGovernance.Samples.DriftJob.Data;
using AngleSharp.Html.Parser;

namespace AiGovernance.Samples.DriftJob.Tests;

[Collection(EmbeddedRunGroup.Name)]
public sealed class EmbeddedRunTests(EmbeddedRunFixture fixture)
{
    private static readonly string[] Injected = [.. SyntheticLoanApplications.DriftedColumns.Order(StringComparer.Ordinal)];

    private JsonElement Root => fixture.Report.RootElement;

    [Fact]
    public void DefaultRun_FindsDatasetDrift_AndAsADemoExitsWithZero()
    {
        Assert.Equal(DriftJobApp.ExitNoDrift, fixture.Run.ExitCode);
        Assert.True(Root.GetProperty("datasetDrift").GetBoolean());
        Assert.Equal(0, Root.GetProperty("exitCode").GetInt32());
        Assert.Contains("as injected into the demo data", fixture.Run.Output, StringComparison.Ordinal);
        Assert.False(fixture.Run.HasStackTrace, fixture.Run.Output);
    }

    [Fact]
    public void DefaultRun_WritesTheThreeReports_AndNamesTheFolder()
    {
        Assert.True(File.Exists(fixture.JsonPath));
        Assert.True(File.Exists(fixture.MarkdownPath));
        Assert.True(File.Exists(fixture.HtmlPath));
        Assert.Contains("Reports written to " + Path.GetFullPath(fixture.OutputFolder), fixture.Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRun_FlagsExactlyTheInjectedColumns_InTheDriftedWindows()
    {
        var windows = Root.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(["2026-07", "2026-08", "2026-09"], windows.Select(w => w.GetProperty("name").GetString()));
        Assert.Empty(Drifted(windows[0]));
        Assert.False(windows[0].GetProperty("datasetDrift").GetBoolean());
        foreach (var window in windows[1..])
        {
            Assert.True(window.GetProperty("datasetDrift").GetBoolean());
            Assert.Equal(Injected, Drifted(window));
            Assert.Equal(Injected.Length, window.GetProperty("driftedColumnCount").GetInt32());
        }
    }

    [Fact]
    public void DefaultRun_UndriftedColumnsStayFarBelowTheDistanceThreshold()
    {
        // The margin that makes "only the injected columns drift" robust rather than lucky: sampling noise of the
        // distances stays under 60% of the 0.1 threshold, and unchanged missing rates are not even close to significant.
        foreach (var window in Root.GetProperty("windows").EnumerateArray())
        {
            foreach (var column in window.GetProperty("columns").EnumerateArray())
            {
                var name = column.GetProperty("column").GetString()!;
                if (window.GetProperty("name").GetString() != "2026-07" && Injected.Contains(name))
                {
                    continue;
                }

                Assert.Equal("Compared", column.GetProperty("status").GetString());
                Assert.InRange(column.GetProperty("statistic").GetDouble(), 0, 0.6 * column.GetProperty("threshold").GetDouble());
                var missingP = column.GetProperty("adjustedMissingRatePValue");
                if (missingP.ValueKind == JsonValueKind.Number)
                {
                    Assert.True(missingP.GetDouble() > 0.5, $"{name}: adjusted missing-rate p {missingP.GetDouble()}");
                }
            }
        }
    }

    [Fact]
    public void DefaultRun_EachInjectedDriftIsFoundByTheRightSignal()
    {
        var latest = Root.GetProperty("windows")[2].GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal("NormalizedWasserstein", latest["credit_score"].GetProperty("method").GetString());
        Assert.InRange(latest["credit_score"].GetProperty("statistic").GetDouble(), 0.8, 1.1); // 50 points / σ 55
        Assert.Equal("JensenShannon", latest["application_channel"].GetProperty("method").GetString());
        Assert.True(latest["application_channel"].GetProperty("distributionDrifted").GetBoolean());
        Assert.True(latest["employment_years"].GetProperty("missingRateDrifted").GetBoolean());
        Assert.False(latest["employment_years"].GetProperty("distributionDrifted").GetBoolean());
        Assert.Equal(0.18, latest["employment_years"].GetProperty("currentMissingRate").GetDouble(), 10);
    }

    [Fact]
    public void DefaultRun_ValidationReportsOnlyTheDriftedColumns()
    {
        var windows = Root.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Empty(windows[0].GetProperty("validation").GetProperty("violations").EnumerateArray());
        foreach (var window in windows[1..])
        {
            var columns = window.GetProperty("validation").GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("column").GetString()!).ToHashSet();
            Assert.Subset(Injected.ToHashSet(), columns);
            Assert.Contains("application_channel", columns); // the new category
            Assert.Contains("employment_years", columns); // the missing rate
        }
    }

    [Fact]
    public void DefaultRun_TrendShowsTheSlowDegradation_AndProjectsTheThresholdCrossing()
    {
        var trend = Root.GetProperty("trend");
        Assert.True(trend.GetProperty("isDeclining").GetBoolean());
        Assert.Equal("RetrainSoon", trend.GetProperty("recommendation").GetString());
        Assert.InRange(trend.GetProperty("slope").GetDouble(), -0.006, -0.003); // injected −0.0045 a week
        Assert.True(trend.GetProperty("pValue").GetDouble() < 0.001);
        Assert.InRange(trend.GetProperty("periodsUntilThreshold").GetDouble(), 0.5, 8);
        Assert.True(trend.GetProperty("projected").GetDouble() < trend.GetProperty("threshold").GetDouble());
        Assert.Equal(12, trend.GetProperty("periodsRegressed").GetInt32());
    }

    [Fact]
    public void DefaultRun_ResponseHandlersRan_ForTheDriftedWindowsAndTheTrend()
    {
        var responses = Root.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("trigger").GetString()!);
        Assert.Empty(responses["window 2026-07"].GetProperty("handlers").EnumerateArray());
        foreach (var trigger in new[] { "window 2026-08", "window 2026-09" })
        {
            var handlers = responses[trigger].GetProperty("handlers").EnumerateArray().ToArray();
            Assert.Equal(["OnCallNotifier", "RetrainingScheduler", "RolloutFreezer"], handlers.Select(h => h.GetProperty("handler").GetString()));
            Assert.All(handlers, h => Assert.True(h.GetProperty("succeeded").GetBoolean()));
            Assert.Equal("Critical", responses[trigger].GetProperty("severity").GetString());
            Assert.Equal("Dispatched", responses[trigger].GetProperty("disposition").GetString());
        }

        var trend = responses["accuracy trend"];
        Assert.Equal("PerformanceTrend", trend.GetProperty("kind").GetString());
        Assert.Contains(trend.GetProperty("actions").EnumerateArray(), a => a.GetString()!.StartsWith("[retrain]", StringComparison.Ordinal));
        Assert.Contains("[notify] would page", fixture.Run.Output, StringComparison.Ordinal);
        Assert.Contains("[freeze] would freeze", fixture.Run.Output, StringComparison.Ordinal);
        Assert.True(Root.GetProperty("audit").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void DefaultRun_MarkdownHasTheVerdictTrendAndEveryWindow()
    {
        var markdown = File.ReadAllText(fixture.MarkdownPath);
        Assert.StartsWith("# Drift report — loan\\-approval", markdown, StringComparison.Ordinal);
        Assert.Contains("**Dataset drift**: YES", markdown, StringComparison.Ordinal);
        Assert.Contains("## Performance trend: accuracy", markdown, StringComparison.Ordinal);
        Assert.Contains("## Windows", markdown, StringComparison.Ordinal);
        foreach (var window in new[] { "2026\\-07", "2026\\-08", "2026\\-09" })
        {
            Assert.Contains("| " + window + " |", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("## Columns in 2026\\-09, worst first", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRun_HtmlIsSelfContained()
    {
        var html = File.ReadAllText(fixture.HtmlPath);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, link, iframe, img, object, embed"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        foreach (var id in new[] { "summary", "windows", "validation", "columns", "trend", "multivariate", "estimation", "responses", "drift-credit_score", "drift-application_channel", "drift-employment_years" })
        {
            Assert.NotNull(document.GetElementById(id));
        }

        Assert.Equal(3, document.QuerySelectorAll("section[id^='drift-']").Length);
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameData()
    {
        var a = SyntheticLoanApplications.Generate(7, 300, 200);
        var b = SyntheticLoanApplications.Generate(7, 300, 200);
        var c = SyntheticLoanApplications.Generate(8, 300, 200);
        Assert.Equal(26, a.Reference.Columns.Count);
        Assert.True(a.Reference.Columns.Count(col => col.Kind == Statistics.ColumnKind.Numeric) >= 15);
        Assert.True(a.Reference.Columns.Count(col => col.Kind == Statistics.ColumnKind.Categorical) >= 5);
        var income = (Monitoring.Data.NumericColumn)a.Windows[2].Data["annual_income"];
        Assert.Equal(income.Values.ToArray(), ((Monitoring.Data.NumericColumn)b.Windows[2].Data["annual_income"]).Values.ToArray());
        Assert.NotEqual(income.Values.ToArray(), ((Monitoring.Data.NumericColumn)c.Windows[2].Data["annual_income"]).Values.ToArray());
        Assert.Equal(a.Performance!.Values, b.Performance!.Values);
    }

    private static IEnumerable<string> Drifted(JsonElement window) =>
        window.GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("isDrifted").GetBoolean())
            .Select(c => c.GetProperty("column").GetString()!).Order(StringComparer.Ordinal);
}
