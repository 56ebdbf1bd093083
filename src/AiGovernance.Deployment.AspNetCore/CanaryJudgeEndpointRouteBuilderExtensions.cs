using System.Diagnostics.CodeAnalysis;
using AiGovernance.Deployment.AspNetCore;
using AiGovernance.Deployment.AspNetCore.Judge;
using AiGovernance.Deployment.Canary.Metrics;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the canary judge for rollout controllers: <c>app.MapCanaryJudge("/canary")</c>.</summary>
public static class CanaryJudgeEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>GET {prefix}/argo</c> (Argo Rollouts' web metric provider) and <c>POST
    /// {prefix}/flagger/confirm-rollout</c>, <c>/flagger/confirm-promotion</c>, <c>/flagger/rollback</c> (Flagger's webhooks),
    /// all requiring <see cref="CanaryJudgeOptions.AuthorizationPolicy"/>.</summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The route prefix.</param>
    /// <returns>The route group, for further conventions.</returns>
    /// <remarks>
    /// <para>Argo Rollouts' web provider (https://argoproj.github.io/argo-rollouts/analysis/web/) sends a GET to a URL from the
    /// AnalysisTemplate and evaluates <c>successCondition</c> / <c>failureCondition</c> on the JSON answer: the judge answers 200
    /// with <c>{"rollout","decision","proceed","rollback","inconclusive","baselineRequests","candidateRequests",
    /// "errorRate":{"baseline","candidate","difference","test","z","pValue","significant"},"latency":{"baselineP95",
    /// "candidateP95","p95Delta","mannWhitneyPValue","hodgesLehmannShift"},"sampleRatio":{"planned","observed","chiSquared",
    /// "pValue","mismatch"},"reasons":[…]}</c> (milliseconds for latency).</para>
    /// <para>Flagger (https://docs.flagger.app/usage/webhooks) POSTs <c>{"name","namespace","phase","checksum","metadata":{…}}</c>
    /// to each webhook and proceeds only on a 2xx answer: confirm-rollout hooks gate the start, confirm-promotion hooks the
    /// promotion (paused until HTTP 200), and a rollback hook that answers 2xx makes Flagger stop the analysis and roll back.
    /// The judge's status per hook is described on the endpoint's documentation in docs/flagger.md.</para>
    /// <para>Without an authorization policy the method throws rather than expose an unauthenticated judge; unauthenticated
    /// requests are then refused by the host's authentication (401) before they reach the judge.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="prefix"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><c>AddCanaryJudge</c> was not called, no <see cref="ICanaryMetricSource"/> is
    /// registered, or <see cref="CanaryJudgeOptions.AuthorizationPolicy"/> is not set.</exception>
    public static RouteGroupBuilder MapCanaryJudge(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/canary")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var judge = services.GetService<CanaryJudge>()
            ?? throw new InvalidOperationException("The canary judge is not registered: call services.AddAiGovernance(b => b.AddCanaryJudge(...)).");
        _ = services.GetService<ICanaryMetricSource>()
            ?? throw new InvalidOperationException("The canary judge needs an ICanaryMetricSource: register one with "
                + "AddPrometheusCanaryMetrics(...) or AddOpenTelemetryCanaryMetrics(...).");
        var policy = services.GetRequiredService<IOptions<CanaryJudgeOptions>>().Value.AuthorizationPolicy;
        if (string.IsNullOrWhiteSpace(policy))
        {
            throw new InvalidOperationException("The canary judge is not mapped without authentication: set "
                + "CanaryJudgeOptions.AuthorizationPolicy to a policy the rollout controller's credentials satisfy.");
        }

        var group = endpoints.MapGroup(prefix);
        group.RequireAuthorization(policy);
        group.MapGet("/argo", judge.ArgoAsync);
        group.MapPost("/flagger/" + FlaggerHooks.ConfirmRollout, http => judge.FlaggerAsync(http, FlaggerHooks.ConfirmRollout));
        group.MapPost("/flagger/" + FlaggerHooks.ConfirmPromotion, http => judge.FlaggerAsync(http, FlaggerHooks.ConfirmPromotion));
        group.MapPost("/flagger/" + FlaggerHooks.Rollback, http => judge.FlaggerAsync(http, FlaggerHooks.Rollback));
        return group;
    }
}
