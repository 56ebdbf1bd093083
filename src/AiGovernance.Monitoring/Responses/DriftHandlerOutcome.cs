namespace AiGovernance.Monitoring.Responses;

/// <summary>How one handler fared with one event.</summary>
/// <param name="Handler">The handler's type name.</param>
/// <param name="Succeeded">Whether it completed without throwing.</param>
/// <param name="Error">The exception's type and message when it failed, else <see langword="null"/>.</param>
public readonly record struct DriftHandlerOutcome(string Handler, bool Succeeded, string? Error);
