using System.Diagnostics.Metrics;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Recording;

/// <summary>A <see cref="VariantRecorder"/> for each variant of a canary rollout.</summary>
/// <remarks>Thread-safe and allocation-free on every <c>Record</c> overload; see <see cref="VariantRecorder"/>.</remarks>
public sealed class CanaryRecorder
{
    private readonly DeploymentTelemetry _telemetry;

    /// <summary>Creates a recorder pair with the default striping, recording on the process-wide meter.</summary>
    public CanaryRecorder()
        : this(null)
    {
    }

    /// <summary>Creates a recorder pair with the default striping whose requests are also counted on the
    /// <c>aigovernance.deployment.canary.requests</c>, <c>.errors</c> and <c>.latency</c> instruments (tag <c>variant</c>),
    /// so that a metrics backend (Prometheus, OTLP) sees the same traffic the analysis does.</summary>
    /// <param name="meterFactory">Creates the Deployment meter; the process-wide meter when null.</param>
    public CanaryRecorder(IMeterFactory? meterFactory)
    {
        Baseline = new VariantRecorder();
        Candidate = new VariantRecorder();
        _telemetry = DeploymentTelemetry.Create(meterFactory);
    }

    /// <summary>The baseline's recorder.</summary>
    public VariantRecorder Baseline { get; }

    /// <summary>The candidate's recorder.</summary>
    public VariantRecorder Candidate { get; }

    /// <summary>Records one request served by <paramref name="variant"/>.</summary>
    /// <param name="variant">Who served it.</param>
    /// <param name="latency">How long it took.</param>
    /// <param name="isError">Whether it failed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative or <paramref name="variant"/> is undefined.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "The sub-bucket overload differs in the first parameter's type or count and requires isError, so no call is ambiguous.")]
    public void Record(DeploymentVariant variant, TimeSpan latency, bool isError = false)
    {
        switch (variant)
        {
            case DeploymentVariant.Baseline:
                Baseline.Record(latency, isError);
                _telemetry.RecordCanaryRequest(candidate: false, latency, isError);
                break;
            case DeploymentVariant.Candidate:
                Candidate.Record(latency, isError);
                _telemetry.RecordCanaryRequest(candidate: true, latency, isError);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant.");
        }
    }

    /// <summary>Records one request of a unit routed by <see cref="CanaryRouter.Assign"/>: its arm and its hash sub-bucket,
    /// which the analysis of unit-routed traffic (<see cref="RoutingDesign.PerUnit"/>) needs.</summary>
    /// <param name="assignment">The unit's arm and sub-bucket.</param>
    /// <param name="latency">How long it took.</param>
    /// <param name="isError">Whether it failed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative, or the assignment's variant is
    /// undefined or its sub-bucket out of range.</exception>
    public void Record(CanaryAssignment assignment, TimeSpan latency, bool isError)
    {
        switch (assignment.Variant)
        {
            case DeploymentVariant.Baseline:
                Baseline.Record(assignment.SubBucket, latency, isError);
                _telemetry.RecordCanaryRequest(candidate: false, latency, isError);
                break;
            case DeploymentVariant.Candidate:
                Candidate.Record(assignment.SubBucket, latency, isError);
                _telemetry.RecordCanaryRequest(candidate: true, latency, isError);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(assignment), assignment, "Unknown variant.");
        }
    }

    /// <summary>Both variants' totals so far.</summary>
    /// <returns>The snapshot pair.</returns>
    public CanarySnapshot Snapshot() => new(Baseline.Snapshot(), Candidate.Snapshot());
}
