using System.Collections.Concurrent;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>What the service remembers about a prediction until its ground truth arrives: the applicant's arm and hash
/// sub-bucket (the router routes per applicant, so the canary analysis compares arms over sub-buckets), the decision and
/// the latency.</summary>
public readonly record struct PendingPrediction(CanaryAssignment Assignment, bool Declined, TimeSpan Latency)
{
    /// <summary>The arm that served the prediction.</summary>
    public DeploymentVariant Variant => Assignment.Variant;
}

/// <summary>Predictions waiting for their ground truth, bounded by <see cref="GatedServiceOptions.MaxPendingOutcomes"/>.</summary>
public sealed class PendingOutcomes(IOptions<GatedServiceOptions> options)
{
    private readonly ConcurrentDictionary<string, PendingPrediction> _pending = new(StringComparer.Ordinal);
    private readonly int _capacity = options.Value.MaxPendingOutcomes;

    public int Count => _pending.Count;

    public bool Contains(string requestId) => _pending.ContainsKey(requestId);

    /// <summary>Remembers a prediction; false when the store is full or the id is already pending.</summary>
    public bool TryAdd(string requestId, PendingPrediction prediction) => _pending.Count < _capacity && _pending.TryAdd(requestId, prediction);

    /// <summary>Takes a prediction out (each outcome is recorded once).</summary>
    public bool TryTake(string requestId, out PendingPrediction prediction) => _pending.TryRemove(requestId, out prediction);
}
