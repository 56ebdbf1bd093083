using System.Net;

namespace AiGovernance.Dashboard.Tests;

public sealed class NoPolicyTests(NoPolicyDashboardFactory factory) : IClassFixture<NoPolicyDashboardFactory>
{
    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/systems/credit-scoring")]
    [InlineData("GET", "/audit")]
    [InlineData("POST", "/audit/verify")]
    public async Task WithoutAReadPolicy_EveryRouteIsForbidden_EvenLocally(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), DashboardFactory.Prefix + path);

        var response = await factory.CreateDashboardClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("default-src 'none'", Html.Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }
}

public sealed class SignedInPolicyTests(SignedInDashboardFactory factory) : IClassFixture<SignedInDashboardFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("/systems/credit-scoring")]
    [InlineData("/audit")]
    public async Task AnonymousRequest_IsChallenged_With401(string path)
    {
        var response = await factory.CreateDashboardClient().GetAsync(DashboardFactory.Prefix + path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class ReadOnlyTests(ReadOnlyDashboardFactory factory) : IClassFixture<ReadOnlyDashboardFactory>
{
    [Fact]
    public async Task WithoutAnActionPolicy_PagesOfferNoForm_AndActionsAreForbidden()
    {
        var client = factory.CreateDashboardClient();
        var (response, page, _) = await Html.GetAsync(client, DashboardFactory.Prefix + "/audit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("form.verify-form"));

        using var form = new FormUrlEncodedContent([]);
        var post = await client.PostAsync(DashboardFactory.Prefix + "/audit/verify", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}
