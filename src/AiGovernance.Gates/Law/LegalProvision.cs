namespace AiGovernance.Gates.Law;

/// <summary>One provision of the EU AI Act as the classifier models it: its identifier, what it demands, when it applies
/// and where that was read.</summary>
/// <remarks>The identifier is the provision's citation within the Act, for example <c>Art. 5(1)(c)</c>,
/// <c>Annex III point 5(b)</c> or <c>Art. 6(3), third subparagraph</c>; <see cref="Citation"/> prefixes it with
/// <c>EU AI Act</c>. Every citation a classification makes is built from these, so each can be checked against the
/// provision list of the <see cref="EuAiActLawVersion"/> that produced it.</remarks>
public sealed record LegalProvision
{
    /// <summary>The maximum length of an identifier.</summary>
    public const int MaxIdLength = 128;

    /// <summary>The provision's citation within the Act, for example <c>Art. 26(6)</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the provision says or demands, in a sentence.</summary>
    public required string Title { get; init; }

    /// <summary>The date from which the provision applies.</summary>
    public required DateOnly AppliesFrom { get; init; }

    /// <summary>Where the provision and its date were read, for example
    /// <c>Regulation (EU) 2024/1689, OJ L 2024/1689 (12.7.2024), Art. 113(a)</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Whether the provision's text and date are confirmed from the published regulation.</summary>
    /// <value>The default value is <see cref="ProvisionConfidence.Confirmed"/>.</value>
    public ProvisionConfidence Confidence { get; init; }

    /// <summary>A later date for what was already on the market before a cut-off, or <see langword="null"/>.</summary>
    public TransitionalApplication? Transitional { get; init; }

    /// <summary>The identifiers of the amendments that inserted or changed the provision, oldest first.</summary>
    public IReadOnlyList<string> AmendedBy { get; init; } = [];

    /// <summary>The full citation, <c>EU AI Act</c> followed by <see cref="Id"/>.</summary>
    public string Citation => EuAiActLaw.CitationPrefix + Id;

    /// <summary>The date from which the provision applies to a system or model placed on the market on
    /// <paramref name="placedOnMarketOn"/>: the transitional date when it was placed before the cut-off, the general date
    /// otherwise and when the placing date is unknown.</summary>
    /// <param name="placedOnMarketOn">When the system or model was placed on the market, or <see langword="null"/> if unknown.</param>
    /// <returns>The date of application.</returns>
    public DateOnly GetAppliesFrom(DateOnly? placedOnMarketOn) =>
        Transitional is { } t && placedOnMarketOn is { } placed && placed < t.PlacedOnMarketBefore && t.AppliesFrom > AppliesFrom
            ? t.AppliesFrom
            : AppliesFrom;
}
