using System.ComponentModel.DataAnnotations;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Gating;
using AiGovernance.Gates.Lifecycle;
using AiGovernance.Gates.Vendors;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates;

/// <summary>Options of the Gates package, bound from code or from a configuration section (for example <c>AiGovernance:Gates</c>).</summary>
public sealed class GatesOptions
{
    /// <summary>Risk classification: territorial scope, the version of the EU AI Act applied and the systemic-risk threshold.</summary>
    /// <value>The default value applies the Act to EU/EEA deployments, as published plus the tightening changes of unconfirmed
    /// amendments.</value>
    [Required]
    [ValidateObjectMembers]
    public RiskClassificationOptions Classification { get; set; } = new();

    /// <summary>The approval policy per tier.</summary>
    /// <value>The default value is the seed's policy, version <c>seed-1</c>.</value>
    [Required]
    [ValidateObjectMembers]
    public ApprovalPolicyOptions Approvals { get; set; } = new();

    /// <summary>Continuation review intervals and triggers.</summary>
    /// <value>The default value is 90/180/365 days for high/medium/low and critical drift as a trigger.</value>
    [Required]
    [ValidateObjectMembers]
    public ContinuationReviewOptions ContinuationReviews { get; set; } = new();

    /// <summary>Required outputs per lifecycle phase.</summary>
    /// <value>The default value holds the seed's outputs.</value>
    [Required]
    public LifecycleOptions Lifecycle { get; set; } = new();

    /// <summary>Vendor due-diligence weights and contract minimums.</summary>
    /// <value>The default value holds the seed's weights and a 30-day minimum change notice.</value>
    [Required]
    [ValidateObjectMembers]
    public VendorDueDiligenceOptions VendorDueDiligence { get; set; } = new();

    /// <summary>How far in the future an approval's issue time may be (approvers' clocks running ahead). Between zero and one hour.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan ApprovalClockSkew { get; set; } = GatesDefaults.ApprovalClockSkew;

    /// <summary>The longest validity period (expires-at minus issued-at) a signed approval may claim; longer ones are invalid.
    /// Between one hour and 3650 days.</summary>
    /// <value>The default value is 365 days.</value>
    public TimeSpan MaxApprovalLifetime { get; set; } = GatesDefaults.MaxApprovalLifetime;

    /// <summary>The largest signed approval envelope the verifier accepts (payload type, payload and signatures, in bytes);
    /// larger ones are invalid (<see cref="ApprovalFailureReason.EnvelopeTooLarge"/>) before any signature is checked.
    /// Between 1 KiB and 16 MiB.</summary>
    /// <value>The default value is 65,536 bytes (64 KiB, <see cref="DsseEnvelope.DefaultMaxLength"/>).</value>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxApprovalEnvelopeBytes { get; set; } = GatesDefaults.MaxApprovalEnvelopeBytes;
}
