using AiGovernance.Reporting.Tests.Canary;
using AiGovernance.Reporting.Tests.Drift;
using AiGovernance.Reporting.Tests.Fairness;
using AiGovernance.Reporting.Tests.Oversight;
using AiGovernance.Reporting.Tests.Performance;
using AiGovernance.Reporting.Tests.Scorecards;
using AiGovernance.Reporting.Tests.Shadow;
using AngleSharp.Html.Parser;
using StbImageSharp;

namespace AiGovernance.Reporting.Tests.Rendering;

/// <summary>Every report kind opened in headless Chromium: the DOM the browser builds has the kind's sections and charts, the
/// page logs no console message, and a screenshot is not blank.</summary>
public sealed class BrowserRenderingTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(90);

    public static TheoryData<string> Kinds() => [.. Documents.Keys];

    private static readonly Dictionary<string, (Func<ReportDocument> Create, string[] Sections)> Documents = new(StringComparer.Ordinal)
    {
        ["drift"] = (() => DriftFixtures.Document(), ["summary", "columns", "windows"]),
        ["fairness"] = (() => FairnessReportDocumentTests.Document(), ["summary", "selection-rates", "error-rates", "groups"]),
        ["canary"] = (() => CanaryReportDocumentTests.Document().Document, ["summary", "error-rate", "latency", "rollout-history"]),
        ["shadow"] = (() => ShadowReportDocumentTests.Document(), ["summary", "agreement", "latency", "criteria"]),
        ["oversight"] = (() => OversightReportDocumentTests.Document(), ["summary", "reviewers", "hours"]),
        ["scorecard"] = (() => ScorecardReportDocumentTests.Document(), ["summary", "dimensions", "metrics"]),
        ["performance"] = (() => PerformanceReportDocumentTests.Document().Document, ["summary", "gates"]),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Report_RendersInChromium_WithItsSectionsAndCharts_AndNoConsoleMessage(string kind)
    {
        RequireChromium();
        using var folder = new TempFolder();
        var (create, sections) = Documents[kind];
        var path = Path.Combine(folder.Path, kind + ".html");
        await File.WriteAllTextAsync(path, new ReportRenderer().ToHtml(create()), TestContext.Current.CancellationToken);

        var (exit, dom, stderr) = await RunChromiumAsync(folder.Path, "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(path).AbsoluteUri);

        Assert.Equal(0, exit);
        var document = new HtmlParser().ParseDocument(dom);
        foreach (var id in sections)
        {
            Assert.True(document.GetElementById(id) is not null, $"{kind}: no #{id} in the browser's DOM");
        }

        Assert.NotEmpty(document.QuerySelectorAll("svg"));
        Assert.DoesNotContain("CONSOLE", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Report_Screenshot_IsNotBlank(string kind)
    {
        RequireChromium();
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, kind + ".html");
        await File.WriteAllTextAsync(path, new ReportRenderer().ToHtml(Documents[kind].Create()), TestContext.Current.CancellationToken);
        var png = Path.Combine(folder.Path, kind + ".png");

        var (exit, _, _) = await RunChromiumAsync(folder.Path, "--screenshot=" + png, "--window-size=1280,1600", new Uri(path).AbsoluteUri);

        Assert.Equal(0, exit);
        var image = ImageResult.FromMemory(await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken), ColorComponents.RedGreenBlue);
        Assert.Equal(1280, image.Width);
        long nonWhite = 0;
        var colours = new HashSet<int>();
        for (var i = 0; i < image.Data.Length; i += 3)
        {
            int r = image.Data[i], g = image.Data[i + 1], b = image.Data[i + 2];
            if (r < 240 || g < 240 || b < 240)
            {
                nonWhite++;
            }

            colours.Add((r << 16) | (g << 8) | b);
        }

        var share = (double)nonWhite / (image.Width * image.Height);
        Assert.True(share > 0.02, $"{kind}: only {share:P1} of the pixels are not white; the page rendered blank.");
        Assert.True(colours.Count > 50, $"{kind}: only {colours.Count} distinct colours; the charts did not render.");
    }

    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{ChromiumPath} is missing; the report browser tests need it. Install it with `apt-get install chromium`.");
        }

        Assert.Skip($"{ChromiumPath} is not installed (apt-get install chromium); the report browser tests are skipped outside CI.");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunChromiumAsync(string profileFolder, params string[] arguments)
    {
        string[] flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Path.Combine(profileFolder, "profile")];
        try
        {
            return await ChildProcess.RunAsync(ChromiumPath, [.. flags, .. arguments], BrowserTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Chromium did not finish within {BrowserTimeout.TotalSeconds} s.");
            throw;
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("aigov-reporting-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temporary folder is left for the OS to clean.
            }
        }
    }
}
