namespace AiGovernance.Gates.Law;

/// <summary>An amendment of the EU AI Act as a dated overlay: provisions it inserts and changes it makes to existing ones,
/// with its citation, where it was read and whether its text is confirmed.</summary>
/// <remarks>Inserted provisions (new prohibitions, new duties) tighten the law. Register further amendments (a corrigendum,
/// a delegated act changing a threshold, the confirmed text of a reported amendment) with
/// <c>AddLawAmendment</c>; they are applied after the built-in <see cref="EuAiActLaw.DigitalOmnibus2026"/>, in registration
/// order.</remarks>
public sealed record LawAmendment
{
    /// <summary>A short stable identifier, part of the law version, for example <c>omnibus-2026</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The amending act's citation, for example <c>Regulation (EU) 2026/1744 (Digital Omnibus on AI)</c>.</summary>
    public required string Citation { get; init; }

    /// <summary>Where the amendment was read, for example the Official Journal reference or the press releases relied on.</summary>
    public required string Source { get; init; }

    /// <summary>Whether the amendment's text is confirmed from its publication.</summary>
    /// <value>The default value is <see cref="ProvisionConfidence.Confirmed"/>.</value>
    public ProvisionConfidence Confidence { get; init; }

    /// <summary>The date the amendment enters into force, when known (informational: the classifier applies a selected
    /// amendment as part of the law and does not model the days between its adoption and entry into force).</summary>
    public DateOnly? EntersIntoForce { get; init; }

    /// <summary>Provisions the amendment inserts.</summary>
    public IReadOnlyList<LegalProvision> Insertions { get; init; } = [];

    /// <summary>Changes the amendment makes to existing provisions.</summary>
    public IReadOnlyList<ProvisionChange> Changes { get; init; } = [];
}
