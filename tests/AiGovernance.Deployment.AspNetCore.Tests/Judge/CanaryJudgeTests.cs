using System.Net;
using System.Text.Json;
using AiGovernance.Deployment.AspNetCore;

namespace AiGovernance.Deployment.AspNetCore.Tests.Judge;

/// <summary>The judge answering the requests Argo Rollouts' web provider and Flagger's webhooks send, per their documentation
/// (https://argoproj.github.io/argo-rollouts/analysis/web/, https://docs.flagger.app/usage/webhooks).</summary>
public sealed class CanaryJudgeTests
{
    [Theory]
    [InlineData("healthy", "ProceedToFullRollout", true, false, false)]
    [InlineData("failing", "RollbackImmediately", false, true, false)]
    [InlineData("inconclusive", "Hold", false, false, true)]
    public async Task Argo_WebProvider_AnswersJudgmentForSuccessCondition(string rollout, string decision, bool proceed, bool rollback, bool inconclusive)
    {
        await using var host = await JudgeHost.StartAsync();

        using var response = await host.Client.SendAsync(
            host.Authorized(HttpMethod.Get, $"/canary/argo?rollout={rollout}&candidateFraction=0.2&windowSeconds=600"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await Json(response);
        var result = json.RootElement;
        Assert.Equal(decision, result.GetProperty("decision").GetString());
        Assert.Equal(proceed, result.GetProperty("proceed").GetBoolean());
        Assert.Equal(rollback, result.GetProperty("rollback").GetBoolean());
        Assert.Equal(inconclusive, result.GetProperty("inconclusive").GetBoolean());
    }

    [Fact]
    public async Task Argo_FailingCanary_ReportsErrorRatesPValueAndSampleRatio()
    {
        await using var host = await JudgeHost.StartAsync();

        using var response = await host.Client.SendAsync(host.Authorized(HttpMethod.Get, "/canary/argo?rollout=failing&candidateFraction=0.2"),
            TestContext.Current.CancellationToken);

        using var json = await Json(response);
        var errorRate = json.RootElement.GetProperty("errorRate");
        Assert.Equal(0.01, errorRate.GetProperty("baseline").GetDouble(), 12);
        Assert.Equal(0.10, errorRate.GetProperty("candidate").GetDouble(), 12);
        Assert.True(errorRate.GetProperty("significant").GetBoolean());
        Assert.True(errorRate.GetProperty("pValue").GetDouble() < 1e-6);
        var ratio = json.RootElement.GetProperty("sampleRatio");
        Assert.Equal(0.2, ratio.GetProperty("planned").GetDouble());
        Assert.Equal(0.2, ratio.GetProperty("observed").GetDouble(), 12);
        Assert.False(ratio.GetProperty("mismatch").GetBoolean());
        Assert.Equal(4000, json.RootElement.GetProperty("baselineRequests").GetInt64());
    }

    [Theory]
    [InlineData("confirm-promotion", "healthy", HttpStatusCode.OK)]
    [InlineData("confirm-promotion", "failing", HttpStatusCode.Conflict)]
    [InlineData("confirm-promotion", "inconclusive", HttpStatusCode.Conflict)]
    [InlineData("rollback", "healthy", HttpStatusCode.Conflict)]
    [InlineData("rollback", "failing", HttpStatusCode.OK)]
    [InlineData("rollback", "inconclusive", HttpStatusCode.Conflict)]
    public async Task Flagger_Webhook_ProceedsOnlyOnHttp200(string hook, string rollout, HttpStatusCode expected)
    {
        await using var host = await JudgeHost.StartAsync();

        using var response = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/" + hook, FlaggerPayload(rollout, "85d557f47b")),
            TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Flagger_ConfirmRollout_RefusesRevisionJudgedForRollback()
    {
        await using var host = await JudgeHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var before = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/confirm-rollout",
            FlaggerPayload("failing", "bad1")), ct);
        using var rollback = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/rollback", FlaggerPayload("failing", "bad1")), ct);
        using var again = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/confirm-rollout",
            FlaggerPayload("failing", "bad1")), ct);
        using var fixedRevision = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/confirm-rollout",
            FlaggerPayload("failing", "good2")), ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fixedRevision.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/canary/argo?rollout=healthy&candidateFraction=0.2")]
    [InlineData("POST", "/canary/flagger/confirm-rollout")]
    [InlineData("POST", "/canary/flagger/confirm-promotion")]
    [InlineData("POST", "/canary/flagger/rollback")]
    public async Task Unauthenticated_Refused401_NothingAudited(string method, string path)
    {
        await using var host = await JudgeHost.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent(FlaggerPayload("healthy", "x"), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.AuditLog.Count);
    }

    [Fact]
    public async Task EveryDecision_AuditedWithControllerHookDecisionAndCaller()
    {
        await using var host = await JudgeHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var argo = await host.Client.SendAsync(host.Authorized(HttpMethod.Get, "/canary/argo?rollout=failing&candidateFraction=0.2"), ct);
        using var flagger = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/confirm-promotion",
            FlaggerPayload("healthy", "abc")), ct);

        var records = host.AuditLog.Snapshot();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(CanaryJudgeAuditEvents.Judged, r.EventType));
        var first = records[0].Payload!.Value;
        Assert.Equal("argo", first.GetProperty("controller").GetString());
        Assert.Equal("RollbackImmediately", first.GetProperty("decision").GetString());
        Assert.Equal("argo-rollouts", first.GetProperty("caller").GetString());
        var second = records[1].Payload!.Value;
        Assert.Equal("confirm-promotion", second.GetProperty("hook").GetString());
        Assert.Equal(200, second.GetProperty("status").GetInt32());
        Assert.Equal("abc", second.GetProperty("checksum").GetString());
    }

    [Theory]
    [InlineData("/canary/argo?rollout=healthy&candidateFraction=1.5")]
    [InlineData("/canary/argo?rollout=healthy")]
    [InlineData("/canary/argo?rollout=bad%20name&candidateFraction=0.2")]
    [InlineData("/canary/argo?rollout=healthy&candidateFraction=0.2&windowSeconds=5")]
    public async Task Argo_InvalidInput_Refused400(string path)
    {
        await using var host = await JudgeHost.StartAsync();

        using var response = await host.Client.SendAsync(host.Authorized(HttpMethod.Get, path), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, host.AuditLog.Count);
    }

    [Theory]
    [InlineData("""{"name":"Not_A_K8s_Name","namespace":"test","phase":"Progressing","checksum":"1","metadata":{"candidateFraction":"0.2"}}""")]
    [InlineData("""{"name":"podinfo","namespace":"test","metadata":{"rollout":"healthy"}}""")]
    [InlineData("""not json""")]
    [InlineData("""[1,2]""")]
    public async Task Flagger_InvalidPayload_Refused400(string body)
    {
        await using var host = await JudgeHost.StartAsync();

        using var response = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/confirm-promotion", body),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Flagger_OversizedBody_Refused413()
    {
        await using var host = await JudgeHost.StartAsync();
        var body = "{\"name\":\"podinfo\",\"metadata\":{\"pad\":\"" + new string('x', 20_000) + "\"}}";

        using var response = await host.Client.SendAsync(host.Authorized(HttpMethod.Post, "/canary/flagger/rollback", body),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>Flagger's documented webhook payload, with the judge's metadata.</summary>
    private static string FlaggerPayload(string rollout, string checksum) => $$$"""
        {"name":"podinfo","namespace":"test","phase":"Progressing","checksum":"{{{checksum}}}",
         "metadata":{"rollout":"{{{rollout}}}","candidateFraction":"0.2","windowSeconds":"600"}}
        """;

    private static async Task<JsonDocument> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
}
