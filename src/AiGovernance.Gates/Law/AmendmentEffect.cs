namespace AiGovernance.Gates.Law;

/// <summary>Whether a change made by an amendment adds to what the law demands or takes something away.</summary>
/// <remarks>Used by <see cref="UnconfirmedAmendmentPolicy.TighteningOnly"/>: an unconfirmed tightening (a new prohibition,
/// an earlier date) is applied, because missing it would let a gate pass what the law forbids; an unconfirmed relaxation
/// (a postponement, softer wording) is not, because applying it by mistake would do the same.</remarks>
public enum AmendmentEffect
{
    /// <summary>The change adds a duty or prohibition, or makes one apply earlier.</summary>
    Tightens = 0,

    /// <summary>The change removes or softens a duty, or makes one apply later.</summary>
    Relaxes = 1,
}
