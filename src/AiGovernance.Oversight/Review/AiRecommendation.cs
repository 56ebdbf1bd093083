namespace AiGovernance.Oversight.Review;

/// <summary>What the model recommends for a case: its predicted decision and its confidence in it.</summary>
/// <param name="Prediction">The predicted decision label, for example <c>approve</c>.</param>
/// <param name="Confidence">The model's confidence in the prediction, in [0, 1].</param>
public readonly record struct AiRecommendation(string Prediction, double Confidence);
