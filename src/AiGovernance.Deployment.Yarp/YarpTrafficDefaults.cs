namespace AiGovernance.Deployment.Yarp;

/// <summary>The defaults and limits of <see cref="YarpTrafficOptions"/> in one place.</summary>
internal static class YarpTrafficDefaults
{
    /// <summary>The id of the route the target publishes.</summary>
    public const string RouteId = "aigovernance-rollout";

    /// <summary>The id of the cluster the target publishes.</summary>
    public const string ClusterId = "aigovernance-rollout";

    /// <summary>The route matches every path.</summary>
    public const string RoutePath = "/{**catch-all}";

    /// <summary>The bucketing salt; the same default as the Deployment package's rollout name.</summary>
    public const string Salt = "candidate";

    /// <summary>The request header that names the unit (user, session, tenant) a request belongs to.</summary>
    public const string UnitIdHeaderName = "X-Unit-Id";

    /// <summary>The longest header or cookie name accepted.</summary>
    public const int MaxNameLength = 256;

    /// <summary>The longest unit id bucketed; longer ids are cut to this many UTF-16 code units before hashing.</summary>
    public const int MaxUnitIdLength = 1024;

    /// <summary>The destination id of the stable arm inside the published cluster.</summary>
    public const string StableDestinationId = "stable";

    /// <summary>The destination id of the candidate arm inside the published cluster.</summary>
    public const string CandidateDestinationId = "candidate";

    /// <summary>The cluster metadata key holding the candidate's share of traffic (invariant "R" format).</summary>
    public const string CandidateFractionMetadataKey = "AiGovernance.CandidateFraction";

    /// <summary>The cluster metadata key holding the bucketing salt.</summary>
    public const string SaltMetadataKey = "AiGovernance.Salt";
}
