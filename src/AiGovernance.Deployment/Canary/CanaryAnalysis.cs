namespace AiGovernance.Deployment.Canary;

/// <summary>The outcome of a canary analysis: the decision, every number behind it and the reasons in words.</summary>
public sealed record CanaryAnalysis
{
    /// <summary>The recommendation.</summary>
    public required CanaryDecision Decision { get; init; }

    /// <summary>The error-rate testing mode used.</summary>
    public required CanaryAnalysisMode Mode { get; init; }

    /// <summary>The routing design analysed (from the observation, that is from the router's configuration).</summary>
    /// <value>The default value is <see cref="Routing.RoutingDesign.PerRequest"/>.</value>
    public Routing.RoutingDesign Design { get; init; } = Routing.RoutingDesign.PerRequest;

    /// <summary>Requests served by the baseline in the window.</summary>
    public required long BaselineRequests { get; init; }

    /// <summary>Requests served by the candidate in the window.</summary>
    public required long CandidateRequests { get; init; }

    /// <summary>The error-rate comparison; null when there was too little data to test.</summary>
    public ErrorRateComparison? ErrorRate { get; init; }

    /// <summary>The latency comparison; null when there was too little data.</summary>
    public LatencyComparison? Latency { get; init; }

    /// <summary>The sample-ratio-mismatch check; null when there was too little data.</summary>
    public SampleRatioCheck? SampleRatio { get; init; }

    /// <summary>The business metrics considered.</summary>
    public IReadOnlyList<BusinessMetric> BusinessMetrics { get; init; } = [];

    /// <summary>Every check in words, with values, tests and thresholds; the ones that drove the decision come first.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>The decision and its reasons on one line.</summary>
    public string Explanation => $"{Decision}: {string.Join("; ", Reasons)}";
}
