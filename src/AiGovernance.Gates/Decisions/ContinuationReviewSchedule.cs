using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Shared;

namespace AiGovernance.Gates.Decisions;

/// <summary>Decides when continuation reviews come due: by tier interval since the last review, and at once after an
/// incident, a drift finding of the configured severity, or an SLA breach.</summary>
public sealed class ContinuationReviewSchedule
{
    private readonly ContinuationReviewOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a schedule.</summary>
    /// <param name="options">The intervals and drift severity.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An interval is not positive or longer than 3650 days (the message lists every
    /// broken rule).</exception>
    public ContinuationReviewSchedule(ContinuationReviewOptions options, TimeProvider timeProvider)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), ContinuationReviewOptionsValidator.Instance);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>The review interval of a tier; zero for <see cref="RiskTier.Prohibited"/> (always due).</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined tier.</exception>
    public TimeSpan GetInterval(RiskTier tier) => tier switch
    {
        RiskTier.Low => _options.LowRiskInterval,
        RiskTier.Medium => _options.MediumRiskInterval,
        RiskTier.High => _options.HighRiskInterval,
        RiskTier.Prohibited => TimeSpan.Zero,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown risk tier."),
    };

    /// <summary>The cutoffs that make a calendar review overdue now: for each tier, now minus the tier's interval (an entry
    /// last reviewed at or before it is due, exactly as <see cref="GetStatus"/> says without triggers).</summary>
    /// <returns>The cutoffs, for <see cref="Inventory.IAiInventory.FindReviewOverdueAsync"/>.</returns>
    public Inventory.ReviewOverdueCutoffs GetOverdueCutoffs()
    {
        var now = _timeProvider.GetUtcNow();
        return new Inventory.ReviewOverdueCutoffs(now - _options.LowRiskInterval, now - _options.MediumRiskInterval,
            now - _options.HighRiskInterval, now);
    }

    /// <summary>Whether a trigger event brings a review forward.</summary>
    /// <param name="triggerEvent">The event.</param>
    /// <returns>Whether it triggers a review.</returns>
    public bool Triggers(ContinuationTriggerEvent triggerEvent) => triggerEvent.Trigger switch
    {
        ContinuationTrigger.Incident or ContinuationTrigger.SlaBreach => true,
        ContinuationTrigger.Drift => triggerEvent.Severity >= _options.DriftTriggerSeverity,
        _ => false,
    };

    /// <summary>The review status now.</summary>
    /// <param name="tier">The system's tier.</param>
    /// <param name="lastReviewedAt">When the last continuation review (or the deployment) was approved.</param>
    /// <param name="triggers">Events since deployment; only those after <paramref name="lastReviewedAt"/> count.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined tier.</exception>
    public ContinuationReviewStatus GetStatus(RiskTier tier, DateTimeOffset lastReviewedAt, IEnumerable<ContinuationTriggerEvent>? triggers = null)
    {
        var now = _timeProvider.GetUtcNow();
        var dueAt = lastReviewedAt + GetInterval(tier);
        var notBefore = lastReviewedAt;
        var reasons = new List<string>();
        if (now >= dueAt)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"The {tier} review interval of {GetInterval(tier).TotalDays:0.##} days elapsed at {dueAt:O}."));
        }

        foreach (var trigger in triggers ?? [])
        {
            if (trigger.OccurredAt <= lastReviewedAt || trigger.OccurredAt > now || !Triggers(trigger))
            {
                continue;
            }

            if (trigger.OccurredAt < dueAt)
            {
                dueAt = trigger.OccurredAt;
            }

            if (trigger.OccurredAt > notBefore)
            {
                notBefore = trigger.OccurredAt;
            }

            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"{trigger.Trigger} ({trigger.Severity}) at " +
                $"{trigger.OccurredAt:O}{(trigger.Detail is null ? string.Empty : ": " + trigger.Detail)}."));
        }

        return new ContinuationReviewStatus(now >= dueAt, dueAt, notBefore, reasons);
    }
}
