using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Tests.Law;

public class EuAiActLawTests
{
    private static readonly DateOnly Aug2026 = new(2026, 8, 2);

    [Fact]
    public void Published_HasNoAmendmentAndTheDatesOfArticle113()
    {
        var law = EuAiActLaw.Published;

        Assert.Equal("2024.1689", law.Id);
        Assert.Empty(law.Amendments);
        Assert.True(law.IsConfirmed);
        Assert.Equal(new DateOnly(2025, 2, 2), law.Get("Art. 5(1)(c)").AppliesFrom);   // Art. 113(a)
        Assert.Equal(new DateOnly(2025, 2, 2), law.Get("Art. 4").AppliesFrom);
        Assert.Equal(new DateOnly(2025, 8, 2), law.Get("Art. 53(1)(a)").AppliesFrom);  // Art. 113(b)
        Assert.Equal(Aug2026, law.Get("Art. 6(2)").AppliesFrom);                       // Art. 113, second paragraph
        Assert.Equal(Aug2026, law.Get("Annex III point 5(b)").AppliesFrom);
        Assert.Equal(Aug2026, law.Get("Art. 50(2)").AppliesFrom);
        Assert.Equal(new DateOnly(2027, 8, 2), law.Get("Art. 6(1)").AppliesFrom);      // Art. 113(c)
        Assert.False(law.TryGet(EuAiActLaw.IntimateContentProhibitionId, out _));
    }

    [Fact]
    public void Published_GeneralPurposeModelsOnTheMarketBeforeAugust2025_ComplyByAugust2027()
    {
        var provision = EuAiActLaw.Published.Get("Art. 55(1)(a)");

        Assert.Equal(new DateOnly(2027, 8, 2), provision.GetAppliesFrom(new DateOnly(2025, 8, 1)));   // Art. 111(3)
        Assert.Equal(new DateOnly(2025, 8, 2), provision.GetAppliesFrom(new DateOnly(2025, 8, 2)));
        Assert.Equal(new DateOnly(2025, 8, 2), provision.GetAppliesFrom(null));                        // unknown: the earlier date
        Assert.Equal("EU AI Act Art. 111(3)", provision.Transitional!.Citation);
    }

    [Fact]
    public void EveryPublishedProvision_HasAUniqueIdATitleAndASourceInTheOfficialJournal()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provision in EuAiActLaw.PublishedProvisions)
        {
            Assert.True(ids.Add(provision.Id), provision.Id);
            Assert.False(string.IsNullOrWhiteSpace(provision.Title));
            Assert.StartsWith("Regulation (EU) 2024/1689, OJ L 2024/1689 (12.7.2024), Art. 113", provision.Source, StringComparison.Ordinal);
            Assert.Equal(ProvisionConfidence.Confirmed, provision.Confidence);
            Assert.Equal("EU AI Act " + provision.Id, provision.Citation);
        }

        Assert.Equal(25, EuAiActLaw.PublishedProvisions.Count(p => p.Id.StartsWith("Annex III point", StringComparison.Ordinal)));
        Assert.Equal(8, EuAiActLaw.PublishedProvisions.Count(p => p.Id.StartsWith("Art. 5(1)(", StringComparison.Ordinal)));
    }

    [Fact]
    public void TighteningOnly_AddsTheReportedProhibitionsButKeepsThePublishedDates()
    {
        var law = EuAiActLaw.Resolve(UnconfirmedAmendmentPolicy.TighteningOnly);

        Assert.Equal("2024.1689+omnibus-2026:tightening", law.Id);
        Assert.Contains("tightening changes only; text unconfirmed", law.Name, StringComparison.Ordinal);
        Assert.False(law.IsConfirmed);
        var intimate = law.Get(EuAiActLaw.IntimateContentProhibitionId);
        Assert.Equal(new DateOnly(2026, 12, 2), intimate.AppliesFrom);
        Assert.Equal(ProvisionConfidence.Unconfirmed, intimate.Confidence);
        Assert.Equal(["omnibus-2026"], intimate.AmendedBy);
        Assert.Equal(new DateOnly(2026, 12, 2), law.Get(EuAiActLaw.ChildSexualAbuseMaterialProhibitionId).AppliesFrom);
        // The reported postponements relax the law and are unconfirmed: not applied.
        Assert.Equal(Aug2026, law.Get("Art. 6(2)").AppliesFrom);
        Assert.Equal(new DateOnly(2027, 8, 2), law.Get("Art. 6(1)").AppliesFrom);
        Assert.Equal(ProvisionConfidence.Confirmed, law.Get("Art. 6(2)").Confidence);
        Assert.Equal(EuAiActLaw.Published.Get("Art. 4").Title, law.Get("Art. 4").Title);
        var applied = Assert.Single(law.Amendments);
        Assert.True(applied.IsPartial);
        Assert.All(applied.SkippedChanges, c => Assert.Equal(AmendmentEffect.Relaxes, c.Effect));
    }

    [Fact]
    public void Include_AppliesThePostponementsAndTheMarkingGracePeriod()
    {
        var law = EuAiActLaw.Resolve(UnconfirmedAmendmentPolicy.Include);

        Assert.Equal("2024.1689+omnibus-2026", law.Id);
        Assert.Equal(new DateOnly(2027, 12, 2), law.Get("Art. 6(2)").AppliesFrom);
        Assert.Equal(new DateOnly(2027, 12, 2), law.Get("Annex III point 4(a)").AppliesFrom);
        Assert.Equal(new DateOnly(2027, 12, 2), law.Get("Art. 26(6)").AppliesFrom);
        Assert.Equal(new DateOnly(2027, 12, 2), law.Get("Art. 73(1)").AppliesFrom);
        Assert.Equal(new DateOnly(2028, 8, 2), law.Get("Art. 6(1)").AppliesFrom);
        Assert.Equal(ProvisionConfidence.Unconfirmed, law.Get("Art. 6(2)").Confidence);
        Assert.Contains("amended by Digital Omnibus", law.Get("Art. 6(2)").Source, StringComparison.Ordinal);
        // Unchanged: prohibitions, transparency (other than marking), GPAI.
        Assert.Equal(new DateOnly(2025, 2, 2), law.Get("Art. 5(1)(a)").AppliesFrom);
        Assert.Equal(Aug2026, law.Get("Art. 50(1)").AppliesFrom);
        Assert.Equal(new DateOnly(2025, 8, 2), law.Get("Art. 53(1)(a)").AppliesFrom);
        var marking = law.Get("Art. 50(2)");
        Assert.Equal(new DateOnly(2026, 12, 2), marking.GetAppliesFrom(new DateOnly(2026, 8, 1)));
        Assert.Equal(Aug2026, marking.GetAppliesFrom(new DateOnly(2026, 8, 2)));
        Assert.NotEqual(EuAiActLaw.Published.Get("Art. 4").Title, law.Get("Art. 4").Title);
    }

    [Fact]
    public void Exclude_IsThePublishedText() =>
        Assert.Equal(EuAiActLaw.Published.Provisions, EuAiActLaw.Resolve(UnconfirmedAmendmentPolicy.Exclude).Provisions);

    [Fact]
    public void ConfirmedAmendment_IsAppliedInFullEvenUnderTighteningOnly()
    {
        var confirmed = new LawAmendment
        {
            Id = "omnibus-2026-confirmed", Citation = "Regulation (EU) 2026/1744 (checked)", Source = "OJ L 2026/1744", Confidence = ProvisionConfidence.Confirmed,
            Changes = [new ProvisionChange { ProvisionId = "Art. 6(2)", Effect = AmendmentEffect.Relaxes, AppliesFrom = new DateOnly(2027, 12, 2) }],
        };

        var law = EuAiActLaw.Resolve(UnconfirmedAmendmentPolicy.TighteningOnly, [confirmed]);

        Assert.Equal("2024.1689+omnibus-2026:tightening+omnibus-2026-confirmed", law.Id);
        Assert.Equal(new DateOnly(2027, 12, 2), law.Get("Art. 6(2)").AppliesFrom);
        Assert.Equal(ProvisionConfidence.Confirmed, law.Get("Art. 6(2)").Confidence);
    }

    [Fact]
    public void UnconfirmedUserAmendment_InsertingAProhibition_IsAppliedUnderTighteningOnly()
    {
        var insertion = new LawAmendment
        {
            Id = "future-ban", Citation = "Future amendment (reported)", Source = "press", Confidence = ProvisionConfidence.Unconfirmed,
            Insertions = [new LegalProvision { Id = "Art. 5(1)(k)", Title = "Prohibited: a future practice.", AppliesFrom = new DateOnly(2028, 1, 1), Source = "press" }],
        };

        var law = EuAiActLaw.Resolve(UnconfirmedAmendmentPolicy.TighteningOnly, [insertion]);

        Assert.Equal(ProvisionConfidence.Unconfirmed, law.Get("Art. 5(1)(k)").Confidence);
        Assert.True(law.IsCitation("EU AI Act Art. 5(1)(k)"));
    }

    public static TheoryData<string, LawAmendment, string> MalformedAmendments() => new()
    {
        { "postponement labelled as tightening", Amendment(new ProvisionChange { ProvisionId = "Art. 6(2)", Effect = AmendmentEffect.Tightens, AppliesFrom = new DateOnly(2030, 1, 1) }), "moves the date later" },
        { "earlier date labelled as relaxation", Amendment(new ProvisionChange { ProvisionId = "Art. 6(2)", Effect = AmendmentEffect.Relaxes, AppliesFrom = new DateOnly(2026, 1, 1) }), "moves the date earlier" },
        { "transitional date labelled as tightening", Amendment(new ProvisionChange { ProvisionId = "Art. 50(1)", Effect = AmendmentEffect.Tightens, Transitional = new TransitionalApplication(new DateOnly(2026, 8, 2), new DateOnly(2027, 1, 1), "x") }), "moves the date later" },
        { "change of a missing provision", Amendment(new ProvisionChange { ProvisionId = "Art. 999", Effect = AmendmentEffect.Tightens }), "'Art. 999', which does not exist" },
        { "insertion of an existing provision", new LawAmendment { Id = "dup", Citation = "c", Source = "s", Insertions = [new LegalProvision { Id = "Art. 4", Title = "t", AppliesFrom = default, Source = "s" }] }, "'Art. 4', which already exists" },
        { "amendment id of the built-in overlay", new LawAmendment { Id = "omnibus-2026", Citation = "c", Source = "s" }, "repeated" },
        { "no source", new LawAmendment { Id = "x", Citation = "c", Source = " " }, "needs a citation and a source" },
    };

    private static LawAmendment Amendment(ProvisionChange change) => new() { Id = "bad", Citation = "Bad amendment", Source = "test", Changes = [change] };

    [Theory]
    [MemberData(nameof(MalformedAmendments))]
    public void Resolve_MalformedAmendment_IsRefusedNamingTheProblem(string what, LawAmendment amendment, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => EuAiActLaw.Resolve(UnconfirmedAmendmentPolicy.Include, [amendment]));

        Assert.Equal("additionalAmendments", ex.ParamName);
        Assert.True(ex.Message.Contains(message, StringComparison.Ordinal), $"{what}: {ex.Message}");
    }

    [Fact]
    public void Resolve_UndefinedPolicy_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EuAiActLaw.Resolve((UnconfirmedAmendmentPolicy)9));

    [Fact]
    public void Get_UnknownProvision_NamesTheVersionAndTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => EuAiActLaw.Published.Get("Art. 5(1)(z)"));

        Assert.Contains("'2024.1689'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Art. 5(1)(z)'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EU AI Act Art. 49(5)", true)]
    [InlineData("EU AI Act Annex III point 2", true)]
    [InlineData("Art. 49(5)", false)]
    [InlineData("EU AI Act Art. 49(6)", false)]
    [InlineData(null, false)]
    public void IsCitation_MatchesExactlyTheProvisionCitations(string? citation, bool expected) =>
        Assert.Equal(expected, EuAiActLaw.Published.IsCitation(citation));
}
