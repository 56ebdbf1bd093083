namespace AiGovernance.Gates.Law;

/// <summary>Which parts of an amendment whose text is <see cref="ProvisionConfidence.Unconfirmed"/> the classifier applies.
/// Confirmed amendments are always applied in full.</summary>
public enum UnconfirmedAmendmentPolicy
{
    /// <summary>Apply only the changes that tighten the law (new prohibitions, earlier dates); the default, because it
    /// fails closed both ways: a reported prohibition is never missed and a reported postponement is never relied on.</summary>
    TighteningOnly = 0,

    /// <summary>Apply every change, relaxations included (for example the postponed high-risk dates). Choose this once the
    /// amendment's published text has been checked.</summary>
    Include = 1,

    /// <summary>Apply none: the law as published without the unconfirmed amendment. Reported prohibitions are then
    /// missing, so a gate fails open for them; use it only to compare versions.</summary>
    Exclude = 2,
}
