namespace AiGovernance.Gates.Milestones;

/// <summary>One row of a milestone plan.</summary>
/// <param name="Kind">Fixed or adaptive.</param>
/// <param name="Id">The milestone's identifier.</param>
/// <param name="Title">What it is.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="DueAt">The due date of a fixed milestone.</param>
/// <param name="Attempts">How many evaluations an adaptive milestone has had.</param>
/// <param name="Detail">The evidence, or the latest attempt's explanation.</param>
public sealed record MilestonePlanItem(
    MilestoneKind Kind,
    string Id,
    string Title,
    MilestoneStatus Status,
    DateTimeOffset? DueAt,
    int Attempts,
    string Detail);
