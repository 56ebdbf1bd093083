using System.Diagnostics.Metrics;
using AiGovernance.Shared;

namespace AiGovernance.Oversight.Routing;

/// <summary>Routes scored cases: to human review when the model is uncertain, otherwise to an automated decision, of
/// which a reproducible sample is selected for post-hoc audit.</summary>
/// <remarks>
/// <para>A case goes to human review when its maximum class probability is strictly below
/// <see cref="OversightOptions.ReviewThreshold"/> (confidence-threshold routing, 0.75 by default); a case exactly
/// at the threshold is decided automatically. Automated decisions are selected for audit by <see cref="AuditSampler"/>.</para>
/// <para>Thread-safe and allocation-free per call. Each decision is counted on the <c>AiGovernance.Oversight</c> meter:
/// <c>aigovernance.oversight.routing.decisions</c> (tag <c>route</c>) and <c>aigovernance.oversight.audit.selected</c>.</para>
/// </remarks>
public sealed class ReviewRouter
{
    private readonly OversightTelemetry _telemetry;
    private readonly double _tolerance;

    /// <summary>Creates a router.</summary>
    /// <param name="options">The threshold, the audit rate and salt, and the probability-sum tolerance; read once.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule of <see cref="OversightOptions"/> (the message lists
    /// every broken rule), for example a threshold outside [0, 1] or an empty salt.</exception>
    public ReviewRouter(OversightOptions options, IMeterFactory? meterFactory = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), OversightOptionsValidator.Instance, OversightOptionsCustomValidator.Instance);

        Threshold = options.ReviewThreshold;
        _tolerance = options.ProbabilitySumTolerance;
        AuditSampler = new AuditSampler(options.AuditSampleRate, options.AuditSalt);
        _telemetry = OversightTelemetry.Create(meterFactory);
    }

    /// <summary>Cases whose maximum probability is below this go to human review.</summary>
    public double Threshold { get; }

    /// <summary>Selects automated decisions for audit.</summary>
    public AuditSampler AuditSampler { get; }

    /// <summary>Routes a case by its class probabilities.</summary>
    /// <param name="caseId">The case's id (the audit sample is a stable hash of it).</param>
    /// <param name="classProbabilities">The model's probability for each class: each in [0, 1], summing to 1 within the tolerance.</param>
    /// <returns>The route, the predicted class and its probability, and whether an automated decision is audited.</returns>
    /// <exception cref="ArgumentException">The probabilities are empty, not finite, outside [0, 1] or do not sum to 1;
    /// or <paramref name="caseId"/> is empty.</exception>
    public RoutingDecision Route(ReadOnlySpan<char> caseId, ReadOnlySpan<double> classProbabilities)
    {
        if (classProbabilities.IsEmpty)
        {
            throw new ArgumentException("At least one class probability is required.", nameof(classProbabilities));
        }

        var best = 0;
        var sum = 0.0;
        for (var i = 0; i < classProbabilities.Length; i++)
        {
            var p = classProbabilities[i];
            if (!(p is >= 0 and <= 1))
            {
                throw new ArgumentException($"The probability at index {i} is {p}; each must be in [0, 1].", nameof(classProbabilities));
            }

            sum += p;
            if (p > classProbabilities[best])
            {
                best = i;
            }
        }

        if (Math.Abs(sum - 1) > _tolerance)
        {
            throw new ArgumentException($"The probabilities sum to {sum}, not 1 (tolerance {_tolerance}).", nameof(classProbabilities));
        }

        return Decide(caseId, best, classProbabilities[best]);
    }

    /// <summary>Routes a case by a single confidence (for example the probability of the predicted label).</summary>
    /// <param name="caseId">The case's id (the audit sample is a stable hash of it).</param>
    /// <param name="confidence">The model's confidence in its prediction, in [0, 1].</param>
    /// <returns>The route, class 0, the confidence, and whether an automated decision is audited.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside [0, 1] or not a number.</exception>
    /// <exception cref="ArgumentException"><paramref name="caseId"/> is empty.</exception>
    public RoutingDecision Route(ReadOnlySpan<char> caseId, double confidence)
    {
        ArgumentGuard.ThrowIfNotProbability(confidence);
        return Decide(caseId, 0, confidence);
    }

    private RoutingDecision Decide(ReadOnlySpan<char> caseId, int predictedClass, double confidence)
    {
        if (caseId.IsWhiteSpace())
        {
            throw new ArgumentException("The case id is empty.", nameof(caseId));
        }

        using var activity = OversightTelemetry.Activities.StartActivity("aigovernance.oversight.route");
        var humanReview = confidence < Threshold;
        _telemetry.RecordRouted(humanReview);
        var audit = !humanReview && AuditSampler.IsSelected(caseId);
        if (audit)
        {
            _telemetry.RecordAuditSelected();
        }

        if (activity is { IsAllDataRequested: true })
        {
            OversightTelemetry.TagRouting(activity, caseId.ToString(), humanReview, audit, confidence, Threshold);
        }

        return new RoutingDecision(humanReview ? ReviewRoute.HumanReview : ReviewRoute.Automatic, predictedClass, confidence, audit);
    }
}
