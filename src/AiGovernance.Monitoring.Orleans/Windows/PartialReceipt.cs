namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>A window grain's answer to a partial, given after the grain persisted its state.</summary>
[GenerateSerializer]
[Alias("AiGovernance.Monitoring.Orleans.PartialReceipt")]
[Immutable]
public sealed class PartialReceipt
{
    /// <summary>What the grain did.</summary>
    [Id(0)]
    public PartialOutcome Outcome { get; init; }

    /// <summary>Why a partial was rejected; empty otherwise.</summary>
    [Id(1)]
    public string Reason { get; init; } = string.Empty;

    /// <summary>The window's row count after this partial.</summary>
    [Id(2)]
    public long WindowRowCount { get; init; }

    /// <summary>Whether the partial is acknowledged (accepted now or before): the sender may forget it.</summary>
    public bool IsAcknowledged => Outcome is PartialOutcome.Accepted or PartialOutcome.Duplicate;
}
