namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>One production week of the model's predictions: the predicted default probabilities and, once they have
/// arrived, the outcomes.</summary>
/// <param name="Label">The ISO week ("2026-W31").</param>
/// <param name="End">When the week closed (Sunday 23:59:59 UTC).</param>
/// <param name="Scores">The model's predicted probability of default for each application.</param>
/// <param name="Outcomes">Whether each application defaulted (known <see cref="ScoredPredictions.LabelDelayWeeks"/> weeks later).</param>
internal sealed record ScoredWeek(string Label, DateTimeOffset End, double[] Scores, bool[] Outcomes);
