using System.Text;

namespace AiGovernance.Gates.Law;

/// <summary>The EU AI Act as versioned data: the provisions of Regulation (EU) 2024/1689 as published, the reported
/// Digital Omnibus on AI as a dated overlay, and the resolution of a law version from an
/// <see cref="UnconfirmedAmendmentPolicy"/> and further amendments.</summary>
/// <remarks>See <c>docs/eu-ai-act.md</c> for every provision modelled, its source and date, what is unconfirmed and the
/// known gaps.</remarks>
public static class EuAiActLaw
{
    /// <summary>The prefix of every citation, <c>EU AI Act </c>.</summary>
    public const string CitationPrefix = "EU AI Act ";

    /// <summary>The regulation's name as reported in classifications.</summary>
    public const string RegulationName = "Regulation (EU) 2024/1689 (EU AI Act)";

    /// <summary>The identifier of the published regulation's version, <c>2024.1689</c>.</summary>
    public const string PublishedVersionId = "2024.1689";

    /// <summary>The identifier of the prohibition on generating non-consensual intimate content that the Digital Omnibus is
    /// reported to add to Article 5; its letter is unconfirmed, so the identifier names the amendment instead.</summary>
    public const string IntimateContentProhibitionId = "Art. 5(1)[omnibus: non-consensual intimate content]";

    /// <summary>The identifier of the prohibition on generating child sexual abuse material that the Digital Omnibus is
    /// reported to add to Article 5; its letter is unconfirmed.</summary>
    public const string ChildSexualAbuseMaterialProhibitionId = "Art. 5(1)[omnibus: child sexual abuse material]";

    private static readonly DateOnly OmnibusProhibitions = new(2026, 12, 2);
    private static readonly DateOnly OmnibusAnnexIII = new(2027, 12, 2);
    private static readonly DateOnly OmnibusAnnexI = new(2028, 8, 2);

    private static readonly HashSet<int> HighRiskArticles = [9, 10, 11, 12, 13, 14, 15, 16, 17, 23, 24, 25, 26, 27, 43, 47, 48, 49, 72, 73, 86];

    /// <summary>The provisions of Regulation (EU) 2024/1689 as published in the Official Journal, in the order of the Act.</summary>
    public static IReadOnlyList<LegalProvision> PublishedProvisions { get; } = EuAiActProvisions.Create();

    /// <summary>The Digital Omnibus on AI as reported (political agreement 7 May 2026, adopted by Parliament 16 June and by the
    /// Council 29 June 2026); <see cref="ProvisionConfidence.Unconfirmed"/> because its published text was not available.</summary>
    /// <remarks>It inserts the prohibitions on generating non-consensual intimate content and child sexual abuse material
    /// (from 2 December 2026; tightening), moves the Annex III high-risk rules to 2 December 2027 and the Annex I rules to
    /// 2 August 2028, gives Art. 50(2) marking a grace period to 2 December 2026 for systems placed on the market before
    /// 2 August 2026, and softens the Art. 4 literacy duty (all relaxing).</remarks>
    public static LawAmendment DigitalOmnibus2026 { get; } = CreateDigitalOmnibus();

    // Declared after the properties it reads: static initialisers run in textual order.
    /// <summary>The published regulation without amendments.</summary>
    public static EuAiActLawVersion Published { get; } = Resolve(UnconfirmedAmendmentPolicy.Exclude);

    /// <summary>Resolves the law version: the published provisions, then <see cref="DigitalOmnibus2026"/>, then
    /// <paramref name="additionalAmendments"/> in order, each applied in full when confirmed and otherwise as
    /// <paramref name="policy"/> says.</summary>
    /// <param name="policy">What to apply of unconfirmed amendments.</param>
    /// <param name="additionalAmendments">Further amendments, for example the confirmed text of a reported amendment.</param>
    /// <returns>The law version.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">An amendment is null or malformed: an empty or repeated identifier, citation or
    /// source; an insertion of an existing provision; a change of a missing provision; a change whose declared effect
    /// disagrees with its dates.</exception>
    public static EuAiActLawVersion Resolve(UnconfirmedAmendmentPolicy policy, IEnumerable<LawAmendment>? additionalAmendments = null)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown amendment policy.");
        }

        var amendments = new List<LawAmendment> { DigitalOmnibus2026 };
        foreach (var amendment in additionalAmendments ?? [])
        {
            amendments.Add(amendment ?? throw AmendmentError("An amendment is null.", nameof(additionalAmendments)));
        }

        var provisions = new List<LegalProvision>(PublishedProvisions);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < provisions.Count; i++)
        {
            index.Add(provisions[i].Id, i);
        }

        var applied = new List<AppliedAmendment>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var amendment in amendments)
        {
            Validate(amendment, ids);
            if (amendment.Confidence == ProvisionConfidence.Unconfirmed && policy == UnconfirmedAmendmentPolicy.Exclude)
            {
                continue;
            }

            var tighteningOnly = amendment.Confidence == ProvisionConfidence.Unconfirmed && policy == UnconfirmedAmendmentPolicy.TighteningOnly;
            applied.Add(Apply(amendment, tighteningOnly, provisions, index));
        }

        return new EuAiActLawVersion(VersionId(applied), VersionName(applied), provisions, applied);
    }

    private static AppliedAmendment Apply(LawAmendment amendment, bool tighteningOnly, List<LegalProvision> provisions, Dictionary<string, int> index)
    {
        foreach (var insertion in amendment.Insertions)
        {
            CheckProvision(insertion, amendment.Id);
            if (index.ContainsKey(insertion.Id))
            {
                throw AmendmentError($"Amendment '{amendment.Id}' inserts provision '{insertion.Id}', which already exists.");
            }

            index.Add(insertion.Id, provisions.Count);
            provisions.Add(insertion with
            {
                Confidence = Max(insertion.Confidence, amendment.Confidence),
                AmendedBy = [amendment.Id],
            });
        }

        var skipped = new List<ProvisionChange>();
        foreach (var change in amendment.Changes)
        {
            if (change is null || !index.TryGetValue(change.ProvisionId ?? string.Empty, out var at))
            {
                throw AmendmentError($"Amendment '{amendment.Id}' changes provision '{change?.ProvisionId}', which does not exist.");
            }

            var current = provisions[at];
            CheckEffect(amendment.Id, change, current);
            if (tighteningOnly && change.Effect == AmendmentEffect.Relaxes)
            {
                skipped.Add(change);
                continue;
            }

            provisions[at] = current with
            {
                AppliesFrom = change.AppliesFrom ?? current.AppliesFrom,
                Title = change.Title ?? current.Title,
                Transitional = change.Transitional ?? current.Transitional,
                Source = current.Source + "; amended by " + amendment.Citation,
                Confidence = Max(current.Confidence, amendment.Confidence),
                AmendedBy = [.. current.AmendedBy, amendment.Id],
            };
        }

        return new AppliedAmendment(amendment, skipped);
    }

    private static void Validate(LawAmendment amendment, HashSet<string> ids)
    {
        if (string.IsNullOrWhiteSpace(amendment.Id) || amendment.Id.Length > LegalProvision.MaxIdLength || !ids.Add(amendment.Id))
        {
            throw AmendmentError($"An amendment's id '{amendment.Id}' is empty, longer than {LegalProvision.MaxIdLength} characters or repeated.");
        }

        if (string.IsNullOrWhiteSpace(amendment.Citation) || string.IsNullOrWhiteSpace(amendment.Source))
        {
            throw AmendmentError($"Amendment '{amendment.Id}' needs a citation and a source.");
        }

        if (!Enum.IsDefined(amendment.Confidence) || amendment.Insertions is null || amendment.Changes is null)
        {
            throw AmendmentError($"Amendment '{amendment.Id}' has an unknown confidence or a null list.");
        }
    }

    private static void CheckProvision(LegalProvision? provision, string amendmentId)
    {
        if (provision is null || string.IsNullOrWhiteSpace(provision.Id) || provision.Id.Length > LegalProvision.MaxIdLength
            || string.IsNullOrWhiteSpace(provision.Title) || string.IsNullOrWhiteSpace(provision.Source) || !Enum.IsDefined(provision.Confidence))
        {
            throw AmendmentError($"Amendment '{amendmentId}' inserts a provision without an id (at most {LegalProvision.MaxIdLength} "
                + "characters), title or source.");
        }
    }

    private static void CheckEffect(string amendmentId, ProvisionChange change, LegalProvision current)
    {
        if (!Enum.IsDefined(change.Effect))
        {
            throw AmendmentError($"Amendment '{amendmentId}' declares an unknown effect for '{change.ProvisionId}'.");
        }

        var later = change.AppliesFrom > current.AppliesFrom
            || (change.Transitional is { } t && t.AppliesFrom > (change.AppliesFrom ?? current.AppliesFrom));
        var earlier = change.AppliesFrom < current.AppliesFrom;
        if ((later && change.Effect != AmendmentEffect.Relaxes) || (earlier && change.Effect != AmendmentEffect.Tightens))
        {
            throw AmendmentError($"Amendment '{amendmentId}' declares its change of '{change.ProvisionId}' as {change.Effect}, but it moves "
                + $"the date {(later ? "later (a relaxation)" : "earlier (a tightening)")}.");
        }
    }

    private static ArgumentException AmendmentError(string message, string paramName = "additionalAmendments") => new(message, paramName);

    private static ProvisionConfidence Max(ProvisionConfidence a, ProvisionConfidence b) => a > b ? a : b;

    private static string VersionId(List<AppliedAmendment> applied)
    {
        var id = new StringBuilder(PublishedVersionId);
        foreach (var amendment in applied)
        {
            id.Append('+').Append(amendment.Amendment.Id);
            if (amendment.IsPartial)
            {
                id.Append(":tightening");
            }
        }

        return id.ToString();
    }

    private static string VersionName(List<AppliedAmendment> applied)
    {
        var name = new StringBuilder("Regulation (EU) 2024/1689 as published");
        foreach (var amendment in applied)
        {
            name.Append(", amended by ").Append(amendment.Amendment.Citation);
            var notes = new List<string>(2);
            if (amendment.IsPartial)
            {
                notes.Add("tightening changes only");
            }

            if (amendment.Amendment.Confidence == ProvisionConfidence.Unconfirmed)
            {
                notes.Add("text unconfirmed");
            }

            if (notes.Count > 0)
            {
                name.Append(" (").AppendJoin("; ", notes).Append(')');
            }
        }

        return name.ToString();
    }

    private static LawAmendment CreateDigitalOmnibus()
    {
        const string Source = "Reported: Council press release of 29 June 2026 (final adoption), Council and Parliament provisional agreement of "
            + "7 May 2026, Parliament vote of 16 June 2026; Official Journal text not seen (see docs/eu-ai-act.md)";
        var changes = new List<ProvisionChange>();
        foreach (var provision in EuAiActProvisions.Create())
        {
            if (provision.AppliesFrom == EuAiActProvisions.General && IsHighRiskProvision(provision.Id))
            {
                changes.Add(new ProvisionChange { ProvisionId = provision.Id, Effect = AmendmentEffect.Relaxes, AppliesFrom = OmnibusAnnexIII });
            }
        }

        changes.Add(new ProvisionChange { ProvisionId = "Art. 6(1)", Effect = AmendmentEffect.Relaxes, AppliesFrom = OmnibusAnnexI });
        changes.Add(new ProvisionChange
        {
            ProvisionId = "Art. 50(2)",
            Effect = AmendmentEffect.Relaxes,
            Transitional = new TransitionalApplication(EuAiActProvisions.General, OmnibusProhibitions, "Digital Omnibus on AI (2026), as reported"),
        });
        changes.Add(new ProvisionChange
        {
            ProvisionId = "Art. 4",
            Effect = AmendmentEffect.Relaxes,
            Title = "Providers and deployers take measures to support the AI literacy of their staff and other persons dealing with the "
                + "operation and use of AI systems on their behalf (wording as reported).",
        });

        return new LawAmendment
        {
            Id = "omnibus-2026",
            Citation = "Digital Omnibus on AI (2026), reported as Regulation (EU) 2026/1744",
            Source = Source,
            Confidence = ProvisionConfidence.Unconfirmed,
            EntersIntoForce = new DateOnly(2026, 7, 27),
            Insertions =
            [
                new LegalProvision
                {
                    Id = IntimateContentProhibitionId,
                    Title = "Prohibited: placing on the market, putting into service or using AI systems that generate or manipulate realistic "
                        + "sexual or intimate images, video or audio of identifiable natural persons without their consent.",
                    AppliesFrom = OmnibusProhibitions,
                    Source = Source,
                },
                new LegalProvision
                {
                    Id = ChildSexualAbuseMaterialProhibitionId,
                    Title = "Prohibited: placing on the market, putting into service or using AI systems that generate or manipulate child "
                        + "sexual abuse material, subject to limited lawful exceptions.",
                    AppliesFrom = OmnibusProhibitions,
                    Source = Source,
                },
            ],
            Changes = changes,
        };
    }

    private static bool IsHighRiskProvision(string id) =>
        id.StartsWith("Annex III ", StringComparison.Ordinal)
        || id.StartsWith("Art. 6(", StringComparison.Ordinal)
        || HighRiskArticles.Contains(ArticleNumber(id));

    private static int ArticleNumber(string id)
    {
        if (!id.StartsWith("Art. ", StringComparison.Ordinal))
        {
            return 0;
        }

        var number = 0;
        foreach (var c in id.AsSpan(5))
        {
            if (!char.IsAsciiDigit(c))
            {
                break;
            }

            number = (number * 10) + (c - '0');
        }

        return number;
    }
}
