using System.ComponentModel.DataAnnotations;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.DueDiligence;
using AiGovernance.Gates.Lifecycle;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates;

/// <summary>Options of the Gates package, bound from code or from a configuration section (for example <c>AiGovernance:Gates</c>).</summary>
public sealed class GatesOptions
{
    /// <summary>Risk classification: territorial scope, the version of the EU AI Act applied and the systemic-risk threshold.</summary>
    /// <value>The default value applies the Act to EU/EEA deployments, as published plus the tightening changes of unconfirmed
    /// amendments.</value>
    [Required]
    [ValidateObjectMembers(typeof(RiskClassificationOptionsValidator))]
    public RiskClassificationOptions Classification { get; set; } = new();

    /// <summary>The approval policy per tier.</summary>
    /// <value>The default value is the default policy (<see cref="ApprovalPolicy.CreateDefault(string)"/>), version
    /// <c>seed-1</c>.</value>
    [Required]
    [ValidateObjectMembers]
    public ApprovalPolicyOptions Approvals { get; set; } = new();

    /// <summary>Continuation review intervals and triggers.</summary>
    /// <value>The default value is 90/180/365 days for high/medium/low and critical drift as a trigger.</value>
    [Required]
    [ValidateObjectMembers(typeof(ContinuationReviewOptionsValidator))]
    public ContinuationReviewOptions ContinuationReviews { get; set; } = new();

    /// <summary>Required outputs per lifecycle phase.</summary>
    /// <value>The default value holds the outputs of the five-phase lifecycle (docs/background.md).</value>
    [Required]
    public LifecycleOptions Lifecycle { get; set; } = new();

    /// <summary>Vendor due-diligence weights and contract minimums.</summary>
    /// <value>The default value holds the default criterion weights and a 30-day minimum change notice.</value>
    [Required]
    [ValidateObjectMembers(typeof(VendorDueDiligenceOptionsValidator))]
    public VendorDueDiligenceOptions VendorDueDiligence { get; set; } = new();

    /// <summary>How far in the future an approval's issue time may be (approvers' clocks running ahead). Between zero and one hour.</summary>
    /// <value>The default value is 5 minutes.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00", GatesDefaults.MaximumApprovalClockSkew)]
    #pragma warning restore IL2026
    public TimeSpan ApprovalClockSkew { get; set; } = GatesDefaults.ApprovalClockSkew;

    /// <summary>The longest validity period (expires-at minus issued-at) a signed approval may claim; longer ones are invalid.
    /// Between one hour and 3650 days.</summary>
    /// <value>The default value is 365 days.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), GatesDefaults.MinimumApprovalLifetime, GatesDefaults.MaximumApprovalLifetime)]
    #pragma warning restore IL2026
    public TimeSpan MaxApprovalLifetime { get; set; } = GatesDefaults.MaxApprovalLifetime;

    /// <summary>The largest signed approval envelope the verifier accepts (payload type, payload and signatures, in bytes);
    /// larger ones are invalid (<see cref="ApprovalFailureReason.EnvelopeTooLarge"/>) before any signature is checked.
    /// Between 1 KiB and 16 MiB.</summary>
    /// <value>The default value is 65,536 bytes (64 KiB, <see cref="DsseEnvelope.DefaultMaxLength"/>).</value>
    [Range(GatesDefaults.MinimumApprovalEnvelopeBytes, GatesDefaults.MaximumApprovalEnvelopeBytes)]
    public int MaxApprovalEnvelopeBytes { get; set; } = GatesDefaults.MaxApprovalEnvelopeBytes;
}
