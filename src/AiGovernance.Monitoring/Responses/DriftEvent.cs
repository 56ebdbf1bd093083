using AiGovernance.Core;

namespace AiGovernance.Monitoring.Responses;

/// <summary>A drift finding handed to <see cref="DriftResponseWorkflow.HandleAsync"/>.</summary>
/// <remarks>Events with the same <see cref="SystemId"/>, <see cref="Kind"/> and <see cref="Subject"/> share one cool-down.</remarks>
public sealed record DriftEvent
{
    /// <summary>The AI system concerned.</summary>
    public required string SystemId { get; init; }

    /// <summary>What kind of finding this is.</summary>
    public DriftEventKind Kind { get; init; }

    /// <summary>What drifted within the system (a column, a metric, a vendor component), or <see langword="null"/> for the whole system.</summary>
    public string? Subject { get; init; }

    /// <summary>The largest population stability index observed.</summary>
    /// <value>The default value is 0 (not measured).</value>
    public double Psi { get; init; }

    /// <summary>The drop of the performance metric (absolute, positive is worse).</summary>
    /// <value>The default value is 0 (not measured).</value>
    public double Degradation { get; init; }

    /// <summary>A severity decided elsewhere (for example by a fairness limit); when <see langword="null"/> the
    /// severity is classified from <see cref="Psi"/> and <see cref="Degradation"/>.</summary>
    public Severity? Severity { get; init; }

    /// <summary>A floor under the severity classified from <see cref="Psi"/> and <see cref="Degradation"/> (ignored when
    /// <see cref="Severity"/> is set); for example a realised-versus-estimated alert is at least medium.</summary>
    public Severity? MinimumSeverity { get; init; }

    /// <summary>A one-line description for alerts and the audit log.</summary>
    public string Summary { get; init; } = string.Empty;
}
