namespace AiGovernance.Gates.Milestones;

/// <summary>The outcome of comparing a candidate with the production model on the same evaluation set.</summary>
/// <param name="Verdict"><see cref="MilestoneVerdict.Go"/> when the lower bound of (candidate − production) exceeds
/// −margin, <see cref="MilestoneVerdict.NoGo"/> when the upper bound is below −margin, otherwise inconclusive.</param>
/// <param name="Metric">The metric compared.</param>
/// <param name="Candidate">The candidate's value.</param>
/// <param name="Production">The production model's value.</param>
/// <param name="Difference">Candidate minus production.</param>
/// <param name="Lower">The lower bound of the difference's interval.</param>
/// <param name="Upper">The upper bound of the difference's interval.</param>
/// <param name="Margin">The non-inferiority margin.</param>
/// <param name="McNemarPValue">For accuracy, the exact McNemar p-value of "the two models are equally accurate"; NaN otherwise.</param>
/// <param name="Explanation">A sentence stating the decision and its numbers.</param>
public sealed record NonInferiorityResult(
    MilestoneVerdict Verdict,
    PerformanceMetric Metric,
    double Candidate,
    double Production,
    double Difference,
    double Lower,
    double Upper,
    double Margin,
    double McNemarPValue,
    string Explanation);
