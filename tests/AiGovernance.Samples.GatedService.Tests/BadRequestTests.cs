using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AiGovernance.Samples.GatedService.Tests;

public sealed class BadRequestTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private GatedServiceFactory? _factory;
    private HttpClient? _client;

    public ValueTask InitializeAsync()
    {
        _factory = GatedServiceFactory.Create(_dir, GatedServiceFactory.FastRollout);
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Theory]
    [InlineData("/predict", "{not json")]
    [InlineData("/predict", "")]
    [InlineData("/predict", "[]")]
    [InlineData("/predict", "{\"applicantId\":\"a\",\"income\":\"lots\"}")]
    [InlineData("/outcome", "{\"requestId\":")]
    [InlineData("/outcome", "{\"requestId\":\"r\",\"defaulted\":\"maybe\"}")]
    public async Task MalformedBody_Returns400ProblemDetails(string path, string body)
    {
        var response = await _client!.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("{\"income\":50,\"debtToIncome\":0.3,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":10}", "applicantId")]
    [InlineData("{\"applicantId\":\" \",\"income\":50,\"debtToIncome\":0.3,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":10}", "applicantId")]
    [InlineData("{\"applicantId\":\"a\",\"income\":-1,\"debtToIncome\":0.3,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":10}", "income")]
    [InlineData("{\"applicantId\":\"a\",\"income\":50,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":10}", "debtToIncome")]
    [InlineData("{\"applicantId\":\"a\",\"income\":50,\"debtToIncome\":11,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":10}", "debtToIncome")]
    [InlineData("{\"applicantId\":\"a\",\"income\":50,\"debtToIncome\":0.3,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":1e300}", "loanAmount")]
    [InlineData("{\"applicantId\":\"a\",\"requestId\":\"\",\"income\":50,\"debtToIncome\":0.3,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":10}", "requestId")]
    public async Task InvalidPrediction_Returns400ValidationProblem_NamingTheField(string body, string field)
    {
        var response = await _client!.PostAsync("/predict", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task OutcomeWithoutFields_Returns400ValidationProblem()
    {
        var response = await _client!.PostAsJsonAsync("/outcome", new { }, TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("requestId", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("defaulted", out _));
    }

    [Fact]
    public async Task WrongContentType_IsAClientError_NotAServerError()
    {
        var response = await _client!.PostAsync("/predict", new StringContent("applicantId=a", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("1e3")]
    public async Task ReviewQueueWithABadTake_Returns400NamingTake_NotTheBody(string take)
    {
        var response = await _client!.GetAsync($"/reviews?take={take}", TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _), problem.ToString());
        Assert.DoesNotContain("body", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/predict", "{\"applicantId\":\"a\",\"applicantId\":\"b\",\"income\":50,\"debtToIncome\":0.3,\"creditHistoryYears\":5,\"latePayments\":0,\"loanAmount\":10}")]
    [InlineData("/outcome", "{\"requestId\":\"r\",\"defaulted\":true,\"defaulted\":false}")]
    public async Task DuplicateJsonKeys_Return400(string path, string body)
    {
        var response = await _client!.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReusedPendingRequestId_Returns409()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = new { applicantId = "a", requestId = "req-1", income = 50, debtToIncome = 0.3, creditHistoryYears = 5, latePayments = 0, loanAmount = 10 };
        (await _client!.PostAsJsonAsync("/predict", body, ct)).EnsureSuccessStatusCode();

        await AssertProblemAsync(await _client!.PostAsJsonAsync("/predict", body, ct), HttpStatusCode.Conflict);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }
}
