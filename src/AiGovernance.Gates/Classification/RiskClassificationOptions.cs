using System.ComponentModel.DataAnnotations;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Classification;

/// <summary>Options of the <see cref="RiskClassifier"/> and the <see cref="GpaiModelClassifier"/>: territorial scope, which
/// version of the EU AI Act to apply, and the systemic-risk threshold.</summary>
/// <remarks>The law is versioned data (<see cref="EuAiActLaw"/>): the published regulation, the reported Digital Omnibus on
/// AI as an overlay, and any amendments registered with <c>AddLawAmendment</c>. Dates of application are part of the
/// provisions, not options.</remarks>
public sealed class RiskClassificationOptions
{
    /// <summary>Whether the EU AI Act rules are applied to use cases deployed only outside the EU/EEA (a group-wide policy).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ApplyEuAiActOutsideEu { get; set; }

    /// <summary>What to apply of amendments whose published text is unconfirmed, such as the Digital Omnibus on AI.</summary>
    /// <value>The default value is <see cref="UnconfirmedAmendmentPolicy.TighteningOnly"/>: reported new prohibitions apply,
    /// reported postponements do not.</value>
    [EnumDataType(typeof(UnconfirmedAmendmentPolicy))]
    public UnconfirmedAmendmentPolicy UnconfirmedAmendments { get; set; } = UnconfirmedAmendmentPolicy.TighteningOnly;

    /// <summary>The cumulative training compute, in floating point operations, above which a general-purpose AI model is
    /// presumed to have high-impact capabilities (Art. 51(2)); the Commission may amend it by delegated act (Art. 51(3)).
    /// Between 10^20 and 10^30.</summary>
    /// <value>The default value is 10^25.</value>
    [Range(1e20, 1e30)]
    public double SystemicRiskComputeThresholdFlops { get; set; } = GpaiModelClassifier.DefaultSystemicRiskComputeThreshold;
}
