namespace AiGovernance.Gates.Milestones;

/// <summary>A milestone with a date: a governance approval, security review, compliance checkpoint or deployment date.</summary>
/// <param name="Id">A unique identifier.</param>
/// <param name="Title">What is due.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="SatisfiedBy">The gate or approval kind that satisfies it (for example <c>security_review</c>).</param>
public sealed record FixedMilestone(string Id, string Title, DateTimeOffset DueAt, string SatisfiedBy);
