namespace AiGovernance.Gates.Classification;

/// <summary>A rule that classifies use cases, for example under sector law; register implementations in DI with
/// <c>TryAddEnumerable</c>. The classifier takes the highest tier any rule calls for and keeps every reason.</summary>
public interface IRiskRule
{
    /// <summary>A stable identifier, for example <c>eu-ai-act</c>.</summary>
    string Id { get; }

    /// <summary>The rule's version; part of the classification's rule-set version.</summary>
    string Version { get; }

    /// <summary>Evaluates a profile.</summary>
    /// <param name="profile">The use case.</param>
    /// <returns>Every reason the rule finds; empty when it does not apply.</returns>
    IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile);
}
