namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>The model's predicted probabilities: a labelled reference (the training period) and one set per production
/// week, for label-free performance estimation.</summary>
/// <param name="ReferenceScores">Predicted default probabilities in the reference period.</param>
/// <param name="ReferenceOutcomes">Their outcomes.</param>
/// <param name="Weeks">The production weeks, oldest first.</param>
/// <param name="LabelDelayWeeks">How many weeks after a decision its outcome is known (a 30-day delinquency is known four
/// weeks later): the labelled accuracy of a week is available only that many weeks after it closed.</param>
/// <param name="DecisionThreshold">Applications whose predicted default probability reaches this value are predicted to
/// default (and declined).</param>
internal sealed record ScoredPredictions(
    double[] ReferenceScores,
    bool[] ReferenceOutcomes,
    IReadOnlyList<ScoredWeek> Weeks,
    int LabelDelayWeeks,
    double DecisionThreshold);
