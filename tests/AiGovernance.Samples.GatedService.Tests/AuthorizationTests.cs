using System.Net;
using System.Net.Http.Json;

namespace AiGovernance.Samples.GatedService.Tests;

/// <summary>The state-changing endpoints need an API key with the right role; the loopback interface is not authentication.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private GatedServiceFactory? _factory;

    public ValueTask InitializeAsync()
    {
        _factory = GatedServiceFactory.Create(_dir, GatedServiceFactory.FastRollout);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _dir.Dispose();
    }

    public static TheoryData<string, string> StateChangingEndpoints => new()
    {
        { "/rollout/evaluate", "{}" },
        { "/outcome", "{\"requestId\":\"r\",\"defaulted\":true}" },
        { "/reviews/case-1/start", "{\"reviewerId\":\"rev-1\"}" },
        { "/reviews/case-1/judgment", "{\"decision\":\"approve\",\"confidence\":0.5}" },
        { "/reviews/case-1/decision", "{\"decision\":\"approve\"}" },
    };

    [Theory]
    [MemberData(nameof(StateChangingEndpoints))]
    public async Task WithoutAKey_Returns401(string path, string body)
    {
        using var anonymous = _factory!.CreateClient(apiKey: null);

        var response = await anonymous.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(StateChangingEndpoints))]
    public async Task WithAWrongKey_Returns401(string path, string body)
    {
        using var client = _factory!.CreateClient("not-a-key");

        var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/rollout/evaluate")]
    [InlineData("/outcome")]
    public async Task ReviewerKey_OnAnOperatorEndpoint_Returns403(string path)
    {
        using var reviewer = _factory!.CreateClient(GatedServiceFactory.ReviewerKeys["rev-1"]);

        var response = await reviewer.PostAsJsonAsync(path, new { requestId = "r", defaulted = true }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReviewerKey_StartingAReviewAsSomeoneElse_Returns403()
    {
        var ct = TestContext.Current.CancellationToken;
        using var reviewer = _factory!.CreateClient(GatedServiceFactory.ReviewerKeys["rev-1"]);
        var uncertain = (await Traffic.PredictManyAsync(reviewer, 0, 100, ct)).First(p => p.SentToReview);

        var response = await reviewer.PostAsJsonAsync($"/reviews/{uncertain.RequestId}/start", new { reviewerId = "rev-2" }, ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyEndpoints_NeedNoKey()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = _factory!.CreateClient(apiKey: null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/rollout", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/reviews", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/scorecard", ct)).StatusCode);
    }
}
