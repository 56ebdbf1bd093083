using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Canary;

/// <summary>Everything a canary analysis looks at: the traffic of both variants in one window, the planned split, and
/// optional business metrics and incident signals.</summary>
public sealed record CanaryObservation
{
    /// <summary>Creates an observation.</summary>
    /// <param name="traffic">Both variants' requests, errors and latencies in the window.</param>
    /// <param name="plannedCandidateFraction">The traffic fraction the router was set to, in (0, 1), for the sample-ratio check.</param>
    /// <exception cref="ArgumentNullException">A snapshot in <paramref name="traffic"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="plannedCandidateFraction"/> is not in (0, 1).</exception>
    public CanaryObservation(CanarySnapshot traffic, double plannedCandidateFraction)
    {
        ArgumentNullException.ThrowIfNull(traffic.Baseline, nameof(traffic));
        ArgumentNullException.ThrowIfNull(traffic.Candidate, nameof(traffic));
        if (!(plannedCandidateFraction > 0 && plannedCandidateFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(plannedCandidateFraction), plannedCandidateFraction,
                "The planned candidate fraction must be in (0, 1) for a comparison.");
        }

        Traffic = traffic;
        PlannedCandidateFraction = plannedCandidateFraction;
    }

    /// <summary>Both variants' traffic in the window.</summary>
    public CanarySnapshot Traffic { get; }

    /// <summary>The planned candidate share of traffic.</summary>
    public double PlannedCandidateFraction { get; }

    /// <summary>What the router randomised (its <see cref="CanaryRouter.Design"/>), which decides the statistics:
    /// request-level for <see cref="RoutingDesign.PerRequest"/>, sub-bucket-level (<see cref="VariantSnapshot.SubBuckets"/>)
    /// for <see cref="RoutingDesign.PerUnit"/>.</summary>
    /// <value>The default value is <see cref="RoutingDesign.PerRequest"/>.</value>
    public RoutingDesign Design { get; init; } = RoutingDesign.PerRequest;

    /// <summary>Business metrics for both variants.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<BusinessMetric> BusinessMetrics { get; init; } = [];

    /// <summary>A description of a critical fairness violation attributed to the candidate, or null when none.</summary>
    public string? FairnessViolation { get; init; }

    /// <summary>A description of a security incident related to the candidate, or null when none.</summary>
    public string? SecurityIncident { get; init; }

    /// <summary>In sequential mode, the always-valid p-value of the previous look in the same window (1 at the first look);
    /// the new p-value never exceeds it.</summary>
    /// <value>The default value is 1.</value>
    public double PreviousAlwaysValidPValue { get; init; } = 1.0;
}
