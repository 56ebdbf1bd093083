namespace AiGovernance.Gates;

/// <summary>The wire names of gates used in signed approvals and audit events.</summary>
internal static class GateKindNames
{
    public static string ToWire(GateKind gate) => gate switch
    {
        GateKind.UseCase => "use-case",
        GateKind.Deployment => "deployment",
        GateKind.Continuation => "continuation",
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, "Unknown gate."),
    };

    public static bool TryParse(string? text, out GateKind gate)
    {
        switch (text)
        {
            case "use-case":
                gate = GateKind.UseCase;
                return true;
            case "deployment":
                gate = GateKind.Deployment;
                return true;
            case "continuation":
                gate = GateKind.Continuation;
                return true;
            default:
                gate = default;
                return false;
        }
    }
}
