using AiGovernance.Core;

namespace AiGovernance.Gates.Milestones;

/// <summary>One evaluation of an adaptive milestone, as recorded in the audit log.</summary>
/// <param name="Number">1 for the first attempt, then 2, 3, …</param>
/// <param name="At">When it was recorded.</param>
/// <param name="ModelDigest">The evaluated model artifact's digest.</param>
/// <param name="DatasetDigest">The evaluation set's digest.</param>
/// <param name="Result">The gate's decision with its numbers.</param>
/// <param name="AuditSequence">The audit record that holds this attempt.</param>
public sealed record MilestoneAttempt(
    int Number,
    DateTimeOffset At,
    Sha256Digest ModelDigest,
    Sha256Digest DatasetDigest,
    PerformanceGateResult Result,
    long AuditSequence);
