using System.Net;
using System.Net.Sockets;
using AiGovernance.Samples.Dashboard.History;
using AiGovernance.Testing;
using AngleSharp.Html.Parser;
using StbImageSharp;

namespace AiGovernance.Dashboard.Tests;

/// <summary>A running dashboard (Kestrel on a real port, the sample's year of weekly history for three systems) opened by
/// headless Chromium: every page renders with no console message (a CSP violation would be one), untrusted text stays text,
/// and the screenshot the README shows is taken here (written to docs/dashboard.png when AIGOV_WRITE_SCREENSHOT=1).</summary>
public sealed class DashboardBrowserTests(DashboardBrowserTests.RunningDashboard dashboard) : IClassFixture<DashboardBrowserTests.RunningDashboard>
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(120);

    public static TheoryData<string> Pages() =>
        ["", "/systems/credit-scoring", "/systems/fraud-detection", "/systems/support-triage", "/audit"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_RendersInChromium_WithoutAConsoleMessage_AndWithoutAnyScript(string page)
    {
        RequireChromium();
        using var folder = new TempFolder();

        var (exit, dom, stderr) = await RunChromiumAsync(folder.Path, "--enable-logging=stderr", "--v=0", "--dump-dom", dashboard.Url(page));

        Assert.Equal(0, exit);
        var document = new HtmlParser().ParseDocument(dom);
        Assert.NotNull(document.QuerySelector("main h1, h1"));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.DoesNotContain("CONSOLE", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemPage_ShowsTheHostileColumnNameAsText()
    {
        RequireChromium();
        using var folder = new TempFolder();

        var (_, dom, _) = await RunChromiumAsync(folder.Path, "--dump-dom", dashboard.Url("/systems/credit-scoring"));

        var document = new HtmlParser().ParseDocument(dom);
        Assert.Contains(SyntheticSystem.HostileColumn, document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task RunningInstance_SendsAStrictContentSecurityPolicy()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(dashboard.Url("/systems/credit-scoring"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemPage_Screenshot_IsNotBlank()
    {
        RequireChromium();
        using var folder = new TempFolder();
        var png = Path.Combine(folder.Path, "dashboard.png");

        var (exit, _, _) = await RunChromiumAsync(folder.Path, "--screenshot=" + png, "--window-size=1280,1400",
            dashboard.Url("/systems/credit-scoring"));

        Assert.Equal(0, exit);
        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        var image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlue);
        Assert.Equal((1280, 1400), (image.Width, image.Height));
        var colours = new HashSet<int>();
        long nonWhite = 0;
        for (var i = 0; i < image.Data.Length; i += 3)
        {
            int r = image.Data[i], g = image.Data[i + 1], b = image.Data[i + 2];
            nonWhite += r < 240 || g < 240 || b < 240 ? 1 : 0;
            colours.Add((r << 16) | (g << 8) | b);
        }

        Assert.True((double)nonWhite / (image.Width * image.Height) > 0.03, "the page rendered nearly blank");
        Assert.True(colours.Count > 50, $"only {colours.Count} distinct colours; the page did not render its badges and tables");
        if (Environment.GetEnvironmentVariable("AIGOV_WRITE_SCREENSHOT") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot(), "docs", "dashboard.png"), bytes, TestContext.Current.CancellationToken);
        }
    }

    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{ChromiumPath} is missing; the dashboard browser tests need it. Install it with `apt-get install chromium`.");
        }

        Assert.Skip($"{ChromiumPath} is not installed (apt-get install chromium); the dashboard browser tests are skipped outside CI.");
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AiGovernance.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The sample dashboard served by Kestrel on a free loopback port, seeded once for the class.</summary>
    public sealed class RunningDashboard : IAsyncLifetime
    {
        private readonly DashboardFactory _factory = new();

        private int _port;

        public string Url(string page) => $"http://127.0.0.1:{_port}{DashboardFactory.Prefix}{page}";

        public ValueTask InitializeAsync()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                _port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            _factory.UseKestrel(_port);
            _factory.StartServer();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("aigov-dashboard-").FullName;

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
