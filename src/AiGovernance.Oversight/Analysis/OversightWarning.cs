namespace AiGovernance.Oversight.Analysis;

/// <summary>A sign that human oversight is not working as intended, with the numbers behind it.</summary>
/// <param name="Kind">What the warning is about.</param>
/// <param name="Message">The finding in words, stating the observed numbers, their counts and intervals, and the rule's threshold.</param>
/// <param name="Observed">The quantity the rule tested (for example the overall override rate).</param>
/// <param name="Threshold">The rule's threshold for that quantity.</param>
public readonly record struct OversightWarning(OversightWarningKind Kind, string Message, double Observed, double Threshold);
