namespace AiGovernance.Monitoring.Responses;

internal sealed record DriftEventAuditPayload(
    string Kind,
    string? Subject,
    string Severity,
    string Disposition,
    string? PreviousSeverity,
    double Psi,
    double Degradation,
    string Summary,
    DriftResponsePlan Plan);

internal sealed record DriftActionAuditPayload(
    long EventSequence,
    string Handler,
    string Severity,
    bool Succeeded,
    string? Error);
