namespace AiGovernance.Gates;

/// <summary>The defaults and limits of the Gates options, in one place; each option states its default with a
/// <c>&lt;value&gt;</c> line, and docs/background.md says where each number comes from.</summary>
internal static class GatesDefaults
{
    /// <summary>How long a gate waits for one decision observer.</summary>
    public const int ObserverTimeoutSeconds = 5;

    /// <summary>Continuation reviews of high-risk systems every quarter.</summary>
    public static readonly TimeSpan HighRiskReviewInterval = TimeSpan.FromDays(90);

    /// <summary>Continuation reviews of medium-risk systems every half year.</summary>
    public static readonly TimeSpan MediumRiskReviewInterval = TimeSpan.FromDays(180);

    /// <summary>Continuation reviews of low-risk systems every year.</summary>
    public static readonly TimeSpan LowRiskReviewInterval = TimeSpan.FromDays(365);

    /// <summary>The shortest continuation review interval (one tick: positive).</summary>
    public const string MinimumReviewInterval = "00:00:00.0000001";

    /// <summary>The longest continuation review interval: ten years.</summary>
    public const string MaximumReviewInterval = "3650.00:00:00";

    /// <summary>Outputs of the business-case and risk-classification phase.</summary>
    public static readonly string[] BusinessCaseOutputs = ["approved-use-case", "risk-classification", "data-strategy"];

    /// <summary>Outputs of the design and data-preparation phase.</summary>
    public static readonly string[] DesignAndDataOutputs = ["validated-dataset", "dataset-documentation", "preprocessing-code"];

    /// <summary>Outputs of the development and validation phase.</summary>
    public static readonly string[] DevelopmentAndValidationOutputs = ["validated-model", "performance-documentation", "failure-mode-analysis"];

    /// <summary>Outputs of the deployment-readiness phase.</summary>
    public static readonly string[] DeploymentReadinessOutputs = ["production-ready-system", "operational-runbooks", "incident-response-procedures"];

    /// <summary>Outputs kept up to date in continuous operation.</summary>
    public static readonly string[] ContinuousOperationOutputs = ["performance-history"];

    /// <summary>Approvers' clocks may run 5 minutes ahead.</summary>
    public static readonly TimeSpan ApprovalClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The largest allowed clock skew: one hour.</summary>
    public const string MaximumApprovalClockSkew = "01:00:00";

    /// <summary>A signed approval may claim at most a year of validity.</summary>
    public static readonly TimeSpan MaxApprovalLifetime = TimeSpan.FromDays(365);

    /// <summary>The shortest configurable approval lifetime limit: one hour.</summary>
    public const string MinimumApprovalLifetime = "01:00:00";

    /// <summary>The longest configurable approval lifetime limit: ten years.</summary>
    public const string MaximumApprovalLifetime = "3650.00:00:00";

    /// <summary>Signed approval envelopes up to 64 KiB.</summary>
    public const int MaxApprovalEnvelopeBytes = Approvals.DsseEnvelope.DefaultMaxLength;

    /// <summary>The smallest configurable envelope limit: 1 KiB.</summary>
    public const int MinimumApprovalEnvelopeBytes = 1024;

    /// <summary>The largest configurable envelope limit: 16 MiB.</summary>
    public const int MaximumApprovalEnvelopeBytes = 16 * 1024 * 1024;
}
