using System.Diagnostics.Metrics;

namespace AiGovernance.Gates;

/// <summary>The package's meter (<c>AiGovernance.Gates</c>) and instruments.</summary>
internal static class GatesTelemetry
{
    public const string MeterName = "AiGovernance.Gates";

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "aigovernance.gates.decisions", unit: "{decision}", description: "Gate decisions, tagged by gate and outcome.");

    public static readonly Counter<long> InvalidApprovals = Meter.CreateCounter<long>(
        "aigovernance.gates.approvals.invalid", unit: "{approval}", description: "Presented approvals that failed verification, tagged by reason.");
}
