using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Yarp;

/// <summary>Options of <see cref="YarpDeploymentTarget"/> (<c>AddYarpTraffic</c>): the two destinations, the route the target
/// publishes to YARP, where a request's unit id comes from, and the optional pinning header and cookie.</summary>
public sealed class YarpTrafficOptions
{
    /// <summary>The stable (baseline) back-end's address, an absolute http or https URI.</summary>
    /// <value>The default value is null; it must be set.</value>
    [Required]
    public string? StableAddress { get; set; }

    /// <summary>The candidate back-end's address, an absolute http or https URI different from <see cref="StableAddress"/>.</summary>
    /// <value>The default value is null; it must be set.</value>
    [Required]
    public string? CandidateAddress { get; set; }

    /// <summary>The bucketing salt. Use the rollout's name (<c>RolloutPlan.Name</c>, <c>DeploymentOptions.RolloutName</c>) so
    /// that the proxy and an in-process <c>CanaryRouter</c> put each unit in the same arm.</summary>
    /// <value>The default value is "candidate" (the Deployment package's default rollout name).</value>
    [Required]
    [StringLength(YarpTrafficDefaults.MaxUnitIdLength, MinimumLength = 1)]
    public string Salt { get; set; } = YarpTrafficDefaults.Salt;

    /// <summary>The id of the YARP route the target publishes.</summary>
    /// <value>The default value is "aigovernance-rollout".</value>
    [Required]
    [StringLength(YarpTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string RouteId { get; set; } = YarpTrafficDefaults.RouteId;

    /// <summary>The id of the YARP cluster the target publishes (two destinations, <c>stable</c> and <c>candidate</c>).</summary>
    /// <value>The default value is "aigovernance-rollout".</value>
    [Required]
    [StringLength(YarpTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string ClusterId { get; set; } = YarpTrafficDefaults.ClusterId;

    /// <summary>The path pattern of the published route, in YARP's route template syntax.</summary>
    /// <value>The default value is "/{**catch-all}" (every path).</value>
    [Required]
    [StringLength(2048, MinimumLength = 1)]
    public string RoutePath { get; set; } = YarpTrafficDefaults.RoutePath;

    /// <summary>The request header naming the request's unit (user, session, tenant). Every request of a unit goes to one arm.</summary>
    /// <value>The default value is "X-Unit-Id". When the request has neither this header nor <see cref="UnitIdCookieName"/>,
    /// the request is its own unit (its trace identifier is bucketed), so such traffic is split per request.</value>
    [StringLength(YarpTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string? UnitIdHeaderName { get; set; } = YarpTrafficDefaults.UnitIdHeaderName;

    /// <summary>A cookie naming the request's unit, read when <see cref="UnitIdHeaderName"/> is absent from the request.</summary>
    /// <value>The default value is null (no cookie is read).</value>
    [StringLength(YarpTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string? UnitIdCookieName { get; set; }

    /// <summary>A request header that forces the request into an arm for debugging: <c>stable</c> or <c>candidate</c>
    /// (case-insensitive). Any other value is ignored and counted as invalid.</summary>
    /// <value>The default value is null: pinning by header is disabled.</value>
    [StringLength(YarpTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string? PinHeaderName { get; set; }

    /// <summary>A cookie that forces the request into an arm, with the same values as <see cref="PinHeaderName"/>; the header
    /// wins when both are present.</summary>
    /// <value>The default value is null: pinning by cookie is disabled.</value>
    [StringLength(YarpTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string? PinCookieName { get; set; }
}
