using AiGovernance.Samples.DriftJob.Data;
using AngleSharp.Html.Parser;
using StbImageSharp;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>Renders drift-report.html in headless Chromium: the DOM a browser builds, and a screenshot that is not blank.</summary>
[Collection(EmbeddedRunGroup.Name)]
public sealed class BrowserRenderingTests(EmbeddedRunFixture fixture)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RenderedDom_HasTheSections_SortedTable_AndAChartPerDriftedColumn()
    {
        RequireChromium();
        using var profile = new TempFolder();
        var (exit, dom) = await RunChromiumAsync(profile.Path, "--dump-dom", new Uri(fixture.HtmlPath).AbsoluteUri);
        Assert.Equal(0, exit);

        var document = new HtmlParser().ParseDocument(dom);
        foreach (var id in new[] { "summary", "windows", "validation", "columns", "trend", "responses" })
        {
            Assert.NotNull(document.GetElementById(id));
        }

        Assert.Equal("YES", document.QuerySelector("#dataset-drift .tile-value")!.TextContent);
        Assert.Equal("3 / 26", document.QuerySelector("#drifted-count .tile-value")!.TextContent);
        Assert.Equal("Critical", document.QuerySelector("#worst-severity .tile-value")!.TextContent);

        var rows = document.QuerySelectorAll("#columns tbody tr").ToArray();
        Assert.Equal(26, rows.Length);
        var severities = rows.Select(r => Enum.Parse<Core.Severity>(r.GetAttribute("data-severity")!)).ToArray();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
        Assert.Equal(
            SyntheticLoanApplications.DriftedColumns.Order(StringComparer.Ordinal),
            rows.Take(3).Select(r => r.GetAttribute("data-column")!).Order(StringComparer.Ordinal));
        Assert.All(rows.Take(3), r => Assert.Equal("true", r.GetAttribute("data-drifted")));
        Assert.All(rows.Skip(3), r => Assert.Equal("false", r.GetAttribute("data-drifted")));

        foreach (var column in SyntheticLoanApplications.DriftedColumns)
        {
            var section = document.GetElementById("drift-" + column);
            Assert.NotNull(section);
            var svg = section.QuerySelector("svg.distribution");
            Assert.NotNull(svg);
            Assert.True(svg.QuerySelectorAll("rect").Length > 8, column);
            Assert.Contains("reference", svg.QuerySelector("g.legend")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(column, svg.TextContent, StringComparison.Ordinal); // the x-axis label
        }

        Assert.NotNull(document.QuerySelector("#drift-employment_years svg.missing"));
        var trend = document.QuerySelector("#trend svg.trend");
        Assert.NotNull(trend);
        Assert.NotNull(trend.QuerySelector("line.fit"));
        Assert.NotNull(trend.QuerySelector("line.projection"));
        Assert.NotNull(trend.QuerySelector("line.threshold"));
        Assert.NotNull(trend.QuerySelector("circle.crossing"));
        Assert.Equal(12, trend.QuerySelectorAll("circle").Length - 1);
    }

    [Fact]
    public async Task Screenshot_IsNotBlank()
    {
        RequireChromium();
        using var profile = new TempFolder();
        var png = Path.Combine(profile.Path, "report.png");
        var (exit, _) = await RunChromiumAsync(profile.Path, "--screenshot=" + png, "--window-size=1280,2000", new Uri(fixture.HtmlPath).AbsoluteUri);
        Assert.Equal(0, exit);
        Assert.True(File.Exists(png), "Chromium wrote no screenshot.");

        var image = ImageResult.FromMemory(await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken), ColorComponents.RedGreenBlue);
        Assert.Equal(1280, image.Width);
        Assert.Equal(2000, image.Height);
        // The page background (#f5f7fa) counts as white: what is counted is text, tables, badges and charts.
        long nonWhite = 0;
        var colours = new HashSet<int>();
        var pixels = image.Data;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            int r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            if (r < 240 || g < 240 || b < 240)
            {
                nonWhite++;
            }

            colours.Add((r << 16) | (g << 8) | b);
        }

        var share = (double)nonWhite / (image.Width * image.Height);
        Assert.True(share > 0.05, $"Only {share:P1} of the pixels are not white; the page rendered blank.");
        Assert.True(colours.Count > 200, $"Only {colours.Count} distinct colours; the charts did not render.");

        // The orange of the current window's bars must be on screen: the charts rendered, not just the text.
        var orange = 0;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            if (pixels[i] > 200 && pixels[i + 1] is > 100 and < 200 && pixels[i + 2] < 150 && pixels[i] - pixels[i + 2] > 100)
            {
                orange++;
            }
        }

        Assert.True(orange > 2000, $"Only {orange} orange pixels.");
    }

    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{ChromiumPath} is missing; the HTML report's browser test needs it. Install it with `apt-get install chromium`.");
        }

        Assert.Skip($"{ChromiumPath} is not installed (apt-get install chromium); the HTML report's browser test is skipped outside CI.");
    }

    private static async Task<(int ExitCode, string Stdout)> RunChromiumAsync(string profileFolder, params string[] arguments)
    {
        string[] flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profileFolder];
        try
        {
            var (exitCode, stdout, _) = await ChildProcess.RunAsync(ChromiumPath, [.. flags, .. arguments], BrowserTimeout);
            return (exitCode, stdout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Chromium did not finish within {BrowserTimeout.TotalSeconds} s.");
            throw;
        }
    }
}
