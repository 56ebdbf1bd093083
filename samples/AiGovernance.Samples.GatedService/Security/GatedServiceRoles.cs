namespace AiGovernance.Samples.GatedService.Security;

/// <summary>The roles an API key may grant, each also the name of the authorization policy that requires it.</summary>
public static class GatedServiceRoles
{
    /// <summary>Evaluates the rollout (<c>POST /rollout/evaluate</c>) and reports ground truth (<c>POST /outcome</c>).</summary>
    public const string Operator = "operator";

    /// <summary>Reviews cases (<c>POST /reviews/{caseId}/start|judgment|decision</c>), as the key's holder.</summary>
    public const string Reviewer = "reviewer";
}
