using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Obligations;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Classification;

/// <summary>Property tests: whatever else a profile says, the tier never falls below what its Article 5 practices or its
/// Annex III points (without a valid Art. 6(3) condition) require; a contradictory profile is refused, never lowered.</summary>
/// <remarks>A fixed replay seed keeps CI reproducible; 400 profiles per property.</remarks>
public class RiskTierFloorPropertyTests
{
    private const int Cases = 400;
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly string[] RegionPool = ["EU", "DE", "RE", "PT-20", "ES-CN", "US", "GB", "CH", "GL", "Mars", "", "fr"];

    private static readonly GpaiModelProfile?[] Models =
    [
        null,
        new("small") { DisplaysSignificantGenerality = true, PerformsWideRangeOfDistinctTasks = true, IntegrableIntoDownstreamSystems = true, TrainingComputeFlops = 1e23 },
        new("large") { DisplaysSignificantGenerality = true, PerformsWideRangeOfDistinctTasks = true, IntegrableIntoDownstreamSystems = true, TrainingComputeFlops = 1e26 },
    ];

    private static readonly RiskClassifier[] Classifiers =
    [
        .. Enum.GetValues<UnconfirmedAmendmentPolicy>().Select(p => new RiskClassifier(new RiskClassificationOptions { UnconfirmedAmendments = p }, Clock)),
    ];

    private static Gen<T[]> Few<T>(T[] items) => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(items), n));

    private static Gen<UseCaseProfile> Profiles() =>
        from practices in Few([.. ProhibitedPractice.WellKnown])
        from points in Few(Enum.GetValues<AnnexIIIUseCase>())
        from exemption in Gen.Elements(Enum.GetValues<Article6Exemption>())
        from profiling in Gen.Elements(true, false)
        from autonomy in Gen.Elements(Enum.GetValues<DecisionAutonomy>())
        from rights in Few(Enum.GetValues<FundamentalRight>())
        from regions in Few(RegionPool)
        from roles in Few(Enum.GetValues<OrganisationRole>())
        from deployer in Gen.Elements(Enum.GetValues<DeployerType>())
        from triggers in Few(Enum.GetValues<Article25Trigger>())
        from flags in Gen.ArrayOf(Gen.Elements(true, false), 7)
        from retention in Gen.Elements<TimeSpan?>(null, TimeSpan.FromDays(30), TimeSpan.FromDays(184), Timeout.InfiniteTimeSpan)
        from placed in Gen.Elements<DateOnly?>(null, new DateOnly(2024, 6, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 1))
        from model in Gen.Elements(Models)
        select new UseCaseProfile("generated")
        {
            ProhibitedPractices = practices, HighRiskUseCases = points, Article6Exemption = exemption, ProfilesNaturalPersons = profiling,
            DecisionAutonomy = autonomy, AffectedRights = rights, DeploymentRegions = regions, Roles = roles, DeployerType = deployer,
            Article25Triggers = triggers, IsSafetyComponentOfRegulatedProduct = flags[0], InteractsWithNaturalPersons = flags[1],
            GeneratesSyntheticContent = flags[2], GeneratesDeepFakes = flags[3], GeneratesPublicInterestText = flags[4], UsedAtWorkplace = flags[5],
            LogRetention = retention, PlacedOnMarketOn = placed, GeneralPurposeModel = flags[6] ? model : null,
        };

    /// <summary>What the provisions require at least: Art. 5 → prohibited; an Annex III point without a valid Art. 6(3)
    /// condition (none claimed, or the system profiles: third subparagraph) or Annex I → high.</summary>
    private static RiskTier Floor(UseCaseProfile p)
    {
        if (!EuTerritorialScope.IsInScope(p.DeploymentRegions))
        {
            return RiskTier.Low;
        }

        if (p.ProhibitedPractices.Count > 0)
        {
            return RiskTier.Prohibited;
        }

        return (p.HighRiskUseCases.Count > 0 && (p.Article6Exemption == Article6Exemption.None || p.ProfilesNaturalPersons))
            || p.IsSafetyComponentOfRegulatedProduct
            ? RiskTier.High
            : RiskTier.Low;
    }

    /// <summary>Classifies, or says why the profile was refused; the only refusals allowed are a contradiction (Annex III 6(e)
    /// without profiling) and a prohibition the law version lacks (an Omnibus practice under the published text).</summary>
    private static (RiskTier? Tier, string? Refusal) Outcome(RiskClassifier classifier, UseCaseProfile p)
    {
        try
        {
            return (classifier.Classify(p).Tier, null);
        }
        catch (InconsistentUseCaseProfileException) when (p.HighRiskUseCases.Contains(AnnexIIIUseCase.CriminalProfiling) && !p.ProfilesNaturalPersons)
        {
            return (null, "contradiction");
        }
        catch (ArgumentException) when (p.ProhibitedPractices.Any(x => !classifier.Law.TryGet(x.ProvisionId, out _)))
        {
            return (null, "prohibition not in this law version");
        }
    }

    private static bool AtLeast((RiskTier? Tier, string? Refusal) outcome, RiskTier floor) =>
        outcome.Refusal is not null || outcome.Tier >= floor;

    private static void Check<T>(Gen<T> gen, Func<T, bool> property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(20260901UL, 0x9E3779B97F4A7C15UL), null));
        FsCheck.Check.One(config, Prop.ForAll(gen.ToArbitrary(), property));
    }

    [Fact]
    public void AnyProfile_IsRefusedOrClassifiedAtLeastAtItsFloor_UnderEveryAmendmentPolicy() =>
        Check(Profiles(), p => Classifiers.All(c => AtLeast(Outcome(c, p), Floor(p))));

    [Fact]
    public void ChangingAnythingElse_NeverLowersTheTierBelowWhatThePracticesAndAnnexIIIPointsRequire() =>
        Check(
            from p in Profiles()
            from other in Profiles()
            select (p, changed: other with
            {
                ProhibitedPractices = p.ProhibitedPractices, HighRiskUseCases = p.HighRiskUseCases, Article6Exemption = p.Article6Exemption,
                ProfilesNaturalPersons = p.ProfilesNaturalPersons, DeploymentRegions = p.DeploymentRegions,
                IsSafetyComponentOfRegulatedProduct = p.IsSafetyComponentOfRegulatedProduct,
            }),
            x => Classifiers.All(c => AtLeast(Outcome(c, x.changed), Floor(x.p))));

    [Fact]
    public void AddingAPracticeAPointProfilingOrAnEuRegion_NeverLowersTheTier() =>
        Check(
            from p in Profiles()
            from practice in Gen.Elements([.. ProhibitedPractice.WellKnown.Take(8)])
            from point in Gen.Elements(Enum.GetValues<AnnexIIIUseCase>())
            from change in Gen.Choose(0, 4)
            select (p, raised: change switch
            {
                0 => p with { ProhibitedPractices = [.. p.ProhibitedPractices, practice] },
                1 => p with { HighRiskUseCases = [.. p.HighRiskUseCases, point] },
                2 => p with { ProfilesNaturalPersons = true },
                3 => p with { Article6Exemption = Article6Exemption.None },
                _ => p with { DeploymentRegions = [.. p.DeploymentRegions, "EU"] },
            }),
            x => Classifiers.All(c => (Outcome(c, x.p), Outcome(c, x.raised)) switch
            {
                ({ Tier: { } before }, { Tier: { } after }) => after >= before,
                (_, { Refusal: not null }) or ({ Refusal: not null }, _) => true,
                _ => false,
            }));
}
