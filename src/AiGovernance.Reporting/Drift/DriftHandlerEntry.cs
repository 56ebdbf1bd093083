namespace AiGovernance.Reporting.Drift;

/// <summary>What one drift response handler did.</summary>
/// <param name="Handler">The handler's name.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="Error">Its error when it failed, else <see langword="null"/>.</param>
public sealed record DriftHandlerEntry(string Handler, bool Succeeded, string? Error);
