using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using AiGovernance.Deployment.Yarp;
using AiGovernance.Deployment.Yarp.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Records every proxied request of the rollout's cluster in the <see cref="CanaryRecorder"/>, so the rollout controller
/// judges the traffic the proxy actually served.</summary>
public static class RolloutRecordingExtensions
{
    /// <summary>Adds a step to YARP's proxy pipeline that records each request forwarded to the rollout's cluster: the arm that
    /// served it (the destination YARP chose), the unit's sub-bucket (<see cref="StableBucketing.SubBucket"/> of the unit id and
    /// salt), the time from entering the step to the response, and whether it failed (status 500 or above, or a forwarding
    /// error). Requests forced by a pin are not recorded: they are not part of the randomized split.</summary>
    /// <param name="proxy">The proxy pipeline, in <c>app.MapReverseProxy(proxy =&gt; proxy.UseRolloutRecording())</c>.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="proxy"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><c>AddYarpTraffic</c> or <c>AddDeployment</c> (the recorder) is not registered.</exception>
    /// <remarks>Cost per request: one SHA-256 of the unit id and salt, two timestamps and the recorder's striped counters; no
    /// allocation. Register it first in the pipeline so the time includes YARP's own steps, and add YARP's standard steps after
    /// it (<c>UseSessionAffinity</c>, <c>UseLoadBalancing</c>, <c>UsePassiveHealthChecks</c>): a custom pipeline replaces the
    /// default one, and without <c>UseLoadBalancing</c> the rollout's policy is never asked.</remarks>
    public static IReverseProxyApplicationBuilder UseRolloutRecording(this IReverseProxyApplicationBuilder proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var services = proxy.ApplicationServices;
        var recorder = services.GetService<CanaryRecorder>()
            ?? throw new InvalidOperationException("UseRolloutRecording needs a CanaryRecorder: call AddDeployment().");
        var policy = services.GetServices<ILoadBalancingPolicy>().OfType<StableBucketLoadBalancingPolicy>().FirstOrDefault()
            ?? throw new InvalidOperationException("UseRolloutRecording needs the YARP traffic target: call AddYarpTraffic().");
        var options = services.GetRequiredService<IOptions<YarpTrafficOptions>>().Value;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var clusterId = options.ClusterId;
        var salt = options.Salt;
        proxy.Use(async (context, next) =>
        {
            var started = time.GetTimestamp();
            await next().ConfigureAwait(false);
            var feature = context.GetReverseProxyFeature();
            if (!string.Equals(feature.Cluster.Config.ClusterId, clusterId, StringComparison.Ordinal)
                || feature.ProxiedDestination is not { } destination
                || context.Items.ContainsKey(StableBucketLoadBalancingPolicy.PinnedItemKey))
            {
                return;
            }

            var arm = string.Equals(destination.DestinationId, YarpTrafficDefaults.CandidateDestinationId, StringComparison.OrdinalIgnoreCase)
                ? DeploymentVariant.Candidate
                : DeploymentVariant.Baseline;
            var failed = context.Response.StatusCode >= StatusCodes.Status500InternalServerError
                || context.Features.Get<IForwarderErrorFeature>() is not null;
            var subBucket = StableBucketing.SubBucket(policy.UnitIdOf(context), salt);
            recorder.Record(new CanaryAssignment(arm, subBucket), time.GetElapsedTime(started), failed);
        });
        return proxy;
    }
}
