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

/// <summary>Request ids in flight or waiting for their ground truth; at most <see cref="GatedServiceOptions.MaxPendingOutcomes"/>
/// predictions are tracked.</summary>
/// <remarks>A request id is claimed atomically (<see cref="TryClaim"/>) before the prediction is made, so of any number of
/// concurrent requests with one id exactly one is served; the others see the claim and are refused. Checking first and
/// adding after predicting let two concurrent requests both pass the check (two 200s, served counters counted twice).</remarks>
public sealed class PendingOutcomes(IOptions<GatedServiceOptions> options)
{
    // A null value is a claim: the id is being predicted and not yet tracked.
    private readonly ConcurrentDictionary<string, PendingPrediction?> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = options.Value.MaxPendingOutcomes;
    private int _tracked;

    /// <summary>Predictions waiting for their ground truth.</summary>
    public int Count => Volatile.Read(ref _tracked);

    /// <summary>Claims an id for a prediction about to be made; false when the id is in flight or awaiting its outcome.</summary>
    public bool TryClaim(string requestId) => _entries.TryAdd(requestId, null);

    /// <summary>Turns a claim into a tracked prediction; false (and the claim released) when the store is full.</summary>
    public bool Track(string requestId, PendingPrediction prediction)
    {
        if (Interlocked.Increment(ref _tracked) > _capacity)
        {
            Interlocked.Decrement(ref _tracked);
            Release(requestId);
            return false;
        }

        _entries[requestId] = prediction;
        return true;
    }

    /// <summary>Releases a claim whose prediction failed or is not tracked.</summary>
    public void Release(string requestId) => _entries.TryRemove(new KeyValuePair<string, PendingPrediction?>(requestId, null));

    /// <summary>Takes a tracked prediction out (each outcome is recorded once); an id still in flight is not taken.</summary>
    public bool TryTake(string requestId, out PendingPrediction prediction)
    {
        if (_entries.TryGetValue(requestId, out var entry) && entry is { } value
            && _entries.TryRemove(new KeyValuePair<string, PendingPrediction?>(requestId, value)))
        {
            Interlocked.Decrement(ref _tracked);
            prediction = value;
            return true;
        }

        prediction = default;
        return false;
    }
}
