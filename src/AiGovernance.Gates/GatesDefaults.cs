namespace AiGovernance.Gates;

/// <summary>The defaults of the Gates options, in one place (documented on each option with <c>&lt;value&gt;</c>).</summary>
internal static class GatesDefaults
{
    public static readonly TimeSpan HighRiskReviewInterval = TimeSpan.FromDays(90);
    public static readonly TimeSpan MediumRiskReviewInterval = TimeSpan.FromDays(180);
    public static readonly TimeSpan LowRiskReviewInterval = TimeSpan.FromDays(365);

    public static readonly string[] BusinessCaseOutputs = ["approved-use-case", "risk-classification", "data-strategy"];
    public static readonly string[] DesignAndDataOutputs = ["validated-dataset", "dataset-documentation", "preprocessing-code"];
    public static readonly string[] DevelopmentAndValidationOutputs = ["validated-model", "performance-documentation", "failure-mode-analysis"];
    public static readonly string[] DeploymentReadinessOutputs = ["production-ready-system", "operational-runbooks", "incident-response-procedures"];
    public static readonly string[] ContinuousOperationOutputs = ["performance-history"];

    public static readonly TimeSpan ApprovalClockSkew = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxApprovalLifetime = TimeSpan.FromDays(365);
    public const int MaxApprovalEnvelopeBytes = Approvals.DsseEnvelope.DefaultMaxLength;
}
