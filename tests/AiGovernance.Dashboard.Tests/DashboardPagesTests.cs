using System.Net;
using AiGovernance.Samples.Dashboard.History;

namespace AiGovernance.Dashboard.Tests;

/// <summary>Every page rendered from a year of weekly history for three systems.</summary>
public sealed class DashboardPagesTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly string[] Systems = ["credit-scoring", "fraud-detection", "support-triage"];

    [Fact]
    public async Task Inventory_ListsEverySystem_WithItsRiskTierAndLinks()
    {
        var (response, document, _) = await Html.GetAsync(factory.CreateDashboardClient(), DashboardFactory.Prefix);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("#inventory tbody tr[data-system]").ToArray();
        Assert.Equal(Systems, rows.Select(r => r.GetAttribute("data-system")).Order(StringComparer.Ordinal));
        var credit = rows.Single(r => r.GetAttribute("data-system") == "credit-scoring");
        Assert.Contains("High", credit.TextContent, StringComparison.Ordinal);
        Assert.NotNull(credit.QuerySelector($"a[href='{DashboardFactory.Prefix}/systems/credit-scoring']"));
    }

    [Theory]
    [InlineData("credit-scoring")]
    [InlineData("fraud-detection")]
    [InlineData("support-triage")]
    public async Task SystemPage_ShowsGatesDriftHistoryOversightAndScorecard(string system)
    {
        var (response, document, _) = await Html.GetAsync(factory.CreateDashboardClient(), $"{DashboardFactory.Prefix}/systems/{system}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in new[] { "system-heading", "summary", "gates", "drift", "oversight", "scorecard", "audit-chain" })
        {
            Assert.True(document.GetElementById(id) is not null, $"{system}: no #{id}");
        }

        Assert.NotEmpty(document.QuerySelectorAll("#gate-decisions tbody tr"));
        Assert.NotNull(document.QuerySelector("#drift-share svg"));
        var columnCharts = document.QuerySelectorAll("figure.column-drift svg").ToArray();
        Assert.NotEmpty(columnCharts);
        Assert.NotEmpty(document.QuerySelectorAll("#drift-columns tbody tr"));
    }

    [Fact]
    public async Task SystemPage_HostileColumnName_IsText_NotMarkup()
    {
        var (_, document, text) = await Html.GetAsync(factory.CreateDashboardClient(), $"{DashboardFactory.Prefix}/systems/credit-scoring");

        Assert.DoesNotContain(SyntheticSystem.HostileColumn, text, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script"));
        var row = document.QuerySelectorAll("#drift-columns tbody tr").SingleOrDefault(r => r.GetAttribute("data-column") == SyntheticSystem.HostileColumn);
        Assert.NotNull(row);
        Assert.Equal(SyntheticSystem.HostileColumn, row.QuerySelector("td")!.TextContent);
    }

    [Fact]
    public async Task SystemPage_ReviewerNoteWithHtml_IsShownAsText()
    {
        var (_, document, text) = await Html.GetAsync(factory.CreateDashboardClient(), $"{DashboardFactory.Prefix}/systems/credit-scoring");

        Assert.DoesNotContain(GovernanceHistorySeeder.HostileNote, text, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("img, b"));
        Assert.Contains(document.QuerySelectorAll("q.note"), q => q.TextContent == GovernanceHistorySeeder.HostileNote);
    }

    [Fact]
    public async Task AuditTrail_PagesRecords_WithHashesAndFilters()
    {
        var client = factory.CreateDashboardClient();
        var (response, document, _) = await Html.GetAsync(client, DashboardFactory.Prefix + "/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("#audit-records tbody tr").ToArray();
        Assert.InRange(rows.Length, 2, new DashboardOptions().PageSize);
        Assert.Contains("matching records", document.GetElementById("match-count")!.TextContent, StringComparison.Ordinal);

        var (_, filtered, _) = await Html.GetAsync(client, DashboardFactory.Prefix + "/audit?system=support-triage");
        var filteredRows = filtered.QuerySelectorAll("#audit-records tbody tr").ToArray();
        Assert.NotEmpty(filteredRows);
        Assert.All(filteredRows, r => Assert.Contains("support-triage", r.TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/systems/credit-scoring")]
    [InlineData("/audit")]
    [InlineData("/no-such-page")]
    public async Task EveryPage_SetsAStrictContentSecurityPolicy(string path)
    {
        var (response, _, _) = await Html.GetAsync(factory.CreateDashboardClient(), DashboardFactory.Prefix + path);

        var csp = Html.Header(response, "Content-Security-Policy");
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Html.Header(response, "X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/systems/credit-scoring")]
    [InlineData("GET", "/audit")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("POST", "/audit/verify")]
    [InlineData("POST", "/systems/credit-scoring/warnings/acknowledge")]
    public async Task EveryRoute_FromARemoteAddress_IsRefusedWith401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), DashboardFactory.Prefix + path);
        request.Headers.Add(DashboardFactory.RemoteHeader, "203.0.113.7");

        var response = await factory.CreateDashboardClient().SendAsync(request, TestContext.Current.CancellationToken);

        // Not signed in and not local: the policy evaluator challenges (401) rather than forbids.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("default-src 'none'", Html.Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("credit-scoring", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyNow_WithoutAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent([]);

        var response = await factory.CreateDashboardClient().PostAsync(DashboardFactory.Prefix + "/audit/verify", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyNow_WithThePagesToken_VerifiesAndRecordsTheOutcome()
    {
        var client = factory.CreateDashboardClient();
        var (_, page, _) = await Html.GetAsync(client, DashboardFactory.Prefix + "/audit");
        var formElement = page.QuerySelector("form.verify-form");
        Assert.NotNull(formElement);
        var fields = formElement.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty)).ToList();
        Assert.NotEmpty(fields);
        using var form = new FormUrlEncodedContent(fields);

        var response = await client.PostAsync(formElement.GetAttribute("action"), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (_, after, _) = await Html.GetAsync(client, response.Headers.Location!.OriginalString);
        var last = after.GetElementById("last-verification")!;
        Assert.Equal("valid", last.QuerySelector(".badge")!.TextContent);
        Assert.Contains("by anonymous-local", last.TextContent, StringComparison.Ordinal);
    }
}
