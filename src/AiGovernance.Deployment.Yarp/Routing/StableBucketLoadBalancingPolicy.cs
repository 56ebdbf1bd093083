using System.Globalization;
using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Routing;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace AiGovernance.Deployment.Yarp.Routing;

/// <summary>YARP load-balancing policy <see cref="YarpDeploymentTarget.LoadBalancingPolicyName"/>: picks the cluster's
/// <c>candidate</c> destination for units whose <see cref="StableBucketing.Fraction"/> is below the share in the cluster's
/// metadata, the <c>stable</c> destination otherwise, unless a pin header or cookie names the arm.</summary>
/// <remarks>Per request: one header (or cookie) lookup and one SHA-256 of the unit id and salt; no allocation for unit ids
/// up to <see cref="StableBucketing.MaxStackLength"/> characters with the salt. The share and salt are parsed once per
/// applied cluster configuration. A cluster without the metadata (not published by <see cref="YarpDeploymentTarget"/>)
/// sends every unit to <c>stable</c>: the policy fails towards the baseline.</remarks>
internal sealed class StableBucketLoadBalancingPolicy(YarpTrafficOptions options, YarpTrafficTelemetry telemetry) : ILoadBalancingPolicy
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which a pinned request is marked (so recording can skip it).</summary>
    internal static readonly object PinnedItemKey = new();

    private ClusterSplit? _last;

    public string Name => YarpDeploymentTarget.LoadBalancingPolicyName;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        var split = SplitOf(cluster.Model.Config);
        var pinned = TryGetPin(context.Request, out var arm);
        if (!pinned)
        {
            arm = StableBucketing.Fraction(UnitIdOf(context), split.Salt) < split.CandidateFraction
                ? DeploymentVariant.Candidate
                : DeploymentVariant.Baseline;
        }

        var id = arm == DeploymentVariant.Candidate ? YarpTrafficDefaults.CandidateDestinationId : YarpTrafficDefaults.StableDestinationId;
        for (var i = 0; i < availableDestinations.Count; i++)
        {
            if (string.Equals(availableDestinations[i].DestinationId, id, StringComparison.OrdinalIgnoreCase))
            {
                telemetry.RecordRequest(arm, pinned);
                if (pinned)
                {
                    context.Items[PinnedItemKey] = PinnedItemKey;
                }

                return availableDestinations[i];
            }
        }

        return null;
    }

    /// <summary>The arm a pin header or cookie names, when pinning is configured and the value is valid.</summary>
    internal bool TryGetPin(HttpRequest request, out DeploymentVariant arm)
    {
        arm = DeploymentVariant.Baseline;
        string? value = null;
        if (options.PinHeaderName is { } header && request.Headers.TryGetValue(header, out var values) && values.Count > 0)
        {
            value = values.Count == 1 ? values.ToString() : values[0];
        }
        else if (options.PinCookieName is { } cookie)
        {
            value = request.Cookies[cookie];
        }

        if (value is null)
        {
            return false;
        }

        if (string.Equals(value, YarpTrafficDefaults.CandidateDestinationId, StringComparison.OrdinalIgnoreCase))
        {
            arm = DeploymentVariant.Candidate;
            return true;
        }

        if (string.Equals(value, YarpTrafficDefaults.StableDestinationId, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        telemetry.RecordInvalidPin();
        return false;
    }

    /// <summary>The request's unit id: the unit header, else the unit cookie, else the request itself (its trace identifier).</summary>
    internal string UnitIdOf(HttpContext context)
    {
        string? unit = null;
        if (options.UnitIdHeaderName is { } header && context.Request.Headers.TryGetValue(header, out var values) && values.Count > 0)
        {
            unit = values.Count == 1 ? values.ToString() : values[0];
        }

        if (string.IsNullOrEmpty(unit) && options.UnitIdCookieName is { } cookie)
        {
            unit = context.Request.Cookies[cookie];
        }

        if (string.IsNullOrEmpty(unit))
        {
            return context.TraceIdentifier;
        }

        return unit.Length <= YarpTrafficDefaults.MaxUnitIdLength ? unit : unit[..YarpTrafficDefaults.MaxUnitIdLength];
    }

    private ClusterSplit SplitOf(ClusterConfig config)
    {
        var split = Volatile.Read(ref _last);
        if (split is not null && ReferenceEquals(split.Config, config))
        {
            return split;
        }

        var fraction = 0.0;
        var salt = options.Salt;
        if (config.Metadata is { } metadata)
        {
            if (metadata.TryGetValue(YarpTrafficDefaults.CandidateFractionMetadataKey, out var text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0.0 and <= 1.0)
            {
                fraction = parsed;
            }

            if (metadata.TryGetValue(YarpTrafficDefaults.SaltMetadataKey, out var metadataSalt) && !string.IsNullOrEmpty(metadataSalt))
            {
                salt = metadataSalt;
            }
        }

        split = new ClusterSplit(config, fraction, salt);
        Volatile.Write(ref _last, split);
        return split;
    }

    private sealed record ClusterSplit(ClusterConfig Config, double CandidateFraction, string Salt);
}
