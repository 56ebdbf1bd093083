using AiGovernance.Core;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.Responses;

/// <summary>Classifies drift severity and derives the recommended response plan.</summary>
/// <remarks>Critical when PSI &gt; 0.3 or degradation &gt; 0.10, high when &gt; 0.2 / 0.05, medium when &gt; 0.1 / 0.03,
/// else low (defaults; see <see cref="DriftSeverityOptions"/>). Immutable and thread-safe.</remarks>
public sealed class DriftSeverityPolicy
{
    private readonly DriftSeverityOptions _options;

    /// <summary>Creates a policy with the default thresholds.</summary>
    public DriftSeverityPolicy()
        : this(new DriftSeverityOptions())
    {
    }

    /// <summary>Creates a policy.</summary>
    /// <param name="options">The thresholds; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The thresholds are not ordered.</exception>
    public DriftSeverityPolicy(DriftSeverityOptions options)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), DriftSeverityOptionsValidator.Instance, DriftSeverityOptionsCustomValidator.Instance);

        _options = new DriftSeverityOptions
        {
            MediumPsi = options.MediumPsi,
            HighPsi = options.HighPsi,
            CriticalPsi = options.CriticalPsi,
            MediumDegradation = options.MediumDegradation,
            HighDegradation = options.HighDegradation,
            CriticalDegradation = options.CriticalDegradation,
            RollbackDegradation = options.RollbackDegradation,
        };
    }

    /// <summary>The severity for a PSI and a performance degradation.</summary>
    /// <param name="psi">The largest population stability index observed (0 when not measured).</param>
    /// <param name="degradation">The drop of the performance metric (0 when not measured; negative is an improvement).</param>
    /// <returns>The severity.</returns>
    /// <exception cref="ArgumentException">An argument is NaN.</exception>
    public Severity Classify(double psi, double degradation)
    {
        if (double.IsNaN(psi))
        {
            throw new ArgumentException("The PSI is NaN; pass 0 when it was not measured.", nameof(psi));
        }

        if (double.IsNaN(degradation))
        {
            throw new ArgumentException("The degradation is NaN; pass 0 when it was not measured.", nameof(degradation));
        }

        var o = _options;
        if (psi > o.CriticalPsi || degradation > o.CriticalDegradation)
        {
            return Severity.Critical;
        }

        if (psi > o.HighPsi || degradation > o.HighDegradation)
        {
            return Severity.High;
        }

        return psi > o.MediumPsi || degradation > o.MediumDegradation ? Severity.Medium : Severity.Low;
    }

    /// <summary>The recommended response: low → record only; medium → alert and normal retraining; high → alert, high-priority
    /// retraining and closer monitoring; critical → alert, human review, urgent retraining, and rollback when degradation
    /// exceeds <see cref="DriftSeverityOptions.RollbackDegradation"/>.</summary>
    /// <param name="severity">The severity.</param>
    /// <param name="degradation">The performance degradation (decides rollback).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not defined.</exception>
    public DriftResponsePlan Plan(Severity severity, double degradation) => severity switch
    {
        Severity.Low => new DriftResponsePlan(severity, false, false, RetrainingPriority.None, false, false),
        Severity.Medium => new DriftResponsePlan(severity, true, false, RetrainingPriority.Normal, false, false),
        Severity.High => new DriftResponsePlan(severity, true, false, RetrainingPriority.High, true, false),
        Severity.Critical => new DriftResponsePlan(severity, true, true, RetrainingPriority.Urgent, true, degradation > _options.RollbackDegradation),
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };
}
