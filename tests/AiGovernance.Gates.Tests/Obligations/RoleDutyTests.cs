using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Obligations;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Obligations;

public class RoleDutyTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));

    private static UseCaseProfile Recruitment(TimeSpan? retention) => new("cv-screening")
    {
        DeploymentRegions = ["EU"], HighRiskUseCases = [AnnexIIIUseCase.Recruitment], Roles = [OrganisationRole.Deployer],
        DeployerType = DeployerType.PrivateEntity, LogRetention = retention,
    };

    private static RoleDuty LogDuty(UseCaseProfile profile) =>
        Assert.Single(new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(profile).Duties, d => d.ProvisionId == "Art. 26(6)");

    /// <summary>Art. 26(6): logs kept "for a period appropriate to the intended purpose of the high-risk AI system, of at least
    /// six months".</summary>
    [Fact]
    public void LogRetention_ThreeMonths_ViolatesArticle26Point6()
    {
        var duty = LogDuty(Recruitment(TimeSpan.FromDays(90)));

        Assert.Equal(DutyCheck.Violated, duty.Check);
        Assert.Contains("90 days", duty.CheckDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(184)]
    [InlineData(400)]
    public void LogRetention_SixMonthsOrMore_Satisfies(int days) =>
        Assert.Equal(DutyCheck.Satisfied, LogDuty(Recruitment(TimeSpan.FromDays(days))).Check);

    [Fact]
    public void LogRetention_181Days_IsNotSixMonthsInEveryHalfYear() =>
        Assert.Equal(DutyCheck.Violated, LogDuty(Recruitment(TimeSpan.FromDays(181))).Check);

    [Fact]
    public void LogRetention_Indefinite_AsTheAuditLogKeepsIt_Satisfies() =>
        Assert.Equal(DutyCheck.Satisfied, LogDuty(Recruitment(Timeout.InfiniteTimeSpan)).Check);

    [Fact]
    public void LogRetention_NotStated_IsListedUncheckedWithWhatToProvide()
    {
        var duty = LogDuty(Recruitment(null));

        Assert.Equal(DutyCheck.NotChecked, duty.Check);
        Assert.Contains("LogRetention", duty.CheckDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void LogRetention_Negative_IsRefused() =>
        Assert.Throws<ArgumentException>(() => LogDuty(Recruitment(TimeSpan.FromDays(-1))));

    [Fact]
    public void ViolatedDuties_AreListedOnTheClassification()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(Recruitment(TimeSpan.FromDays(30)));
        Assert.Equal("Art. 26(6)", Assert.Single(result.GetViolatedDuties()).ProvisionId);
    }

    /// <summary>Art. 4 binds providers and deployers; its evidence is the Scorecards literacy assessment, named not referenced.</summary>
    [Fact]
    public void AiLiteracy_PointsAtTheScorecardsLiteracyAssessment()
    {
        var duty = Assert.Single(new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(Recruitment(null)).Duties,
            d => d.ProvisionId == "Art. 4");

        Assert.Equal(new DateOnly(2025, 2, 2), duty.AppliesFrom);
        Assert.Contains("AiLiteracyAssessment", duty.Evidence, StringComparison.Ordinal);
        Assert.Contains("OrganizationLiteracyReport", duty.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void DeployerDuties_MoveWithTheAmendment_ButArticle4DoesNot()
    {
        var published = new RiskClassifier(new RiskClassificationOptions { UnconfirmedAmendments = UnconfirmedAmendmentPolicy.Exclude }, Clock)
            .Classify(Recruitment(null));
        var amended = new RiskClassifier(new RiskClassificationOptions { UnconfirmedAmendments = UnconfirmedAmendmentPolicy.Include }, Clock)
            .Classify(Recruitment(null));

        Assert.Equal(new DateOnly(2026, 8, 2), published.Duties.Single(d => d.ProvisionId == "Art. 26(1)").AppliesFrom);
        Assert.Equal(new DateOnly(2027, 12, 2), amended.Duties.Single(d => d.ProvisionId == "Art. 26(1)").AppliesFrom);
        Assert.Equal(ProvisionConfidence.Unconfirmed, amended.Duties.Single(d => d.ProvisionId == "Art. 26(1)").Confidence);
        Assert.Equal(new DateOnly(2025, 2, 2), amended.Duties.Single(d => d.ProvisionId == "Art. 4").AppliesFrom);
        // Evaluated on 1 September 2026: the Annex III duties apply under the published text, not yet under the amended one.
        Assert.DoesNotContain(published.GetDutiesNotYetApplicable(), d => d.ProvisionId == "Art. 26(1)");
        Assert.Contains(amended.GetDutiesNotYetApplicable(), d => d.ProvisionId == "Art. 26(1)");
        Assert.True(amended.ReliesOnUnconfirmedLaw);
        Assert.False(published.ReliesOnUnconfirmedLaw);
    }

    [Fact]
    public void AnnexIDuties_ApplyFromTheLaterAnnexIDate()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(new UseCaseProfile("lift")
        {
            DeploymentRegions = ["EU"], IsSafetyComponentOfRegulatedProduct = true, Roles = [OrganisationRole.Provider],
        });

        Assert.Equal(new DateOnly(2027, 8, 2), result.Duties.Single(d => d.ProvisionId == "Art. 16(a)").AppliesFrom);
    }

    [Fact]
    public void Article25_MakesTheDeployerTheProviderAndSaysWhy()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(Recruitment(null) with
        {
            Article25Triggers = [Article25Trigger.SubstantialModification],
        });

        Assert.Equal([OrganisationRole.Provider, OrganisationRole.Deployer], result.Roles);
        var providerDuty = result.Duties.Single(d => d.ProvisionId == "Art. 16(a)");
        Assert.Contains("considered the provider under EU AI Act Art. 25(1)(b)", providerDuty.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void RolesNotStated_ListsEveryRoleAndSaysSo()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(Recruitment(null) with { Roles = [] });

        Assert.Equal(Enum.GetValues<OrganisationRole>(), result.Roles);
        Assert.Contains(result.Notes, n => n.Contains("no role", StringComparison.Ordinal));
    }

    [Fact]
    public void DeployerTypeUnknown_ListsThePublicSectorDutiesAndSaysSo()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(Recruitment(null) with { DeployerType = DeployerType.Unknown });

        Assert.Contains(result.Duties, d => d.ProvisionId == "Art. 27(1)");
        Assert.Contains(result.Duties, d => d.ProvisionId == "Art. 49(3)");
        Assert.Contains(result.Notes, n => n.Contains("deployer type is not stated", StringComparison.Ordinal));
    }

    [Fact]
    public void Article50Exceptions_AreListedForAPersonToJudge()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(new UseCaseProfile("assistant")
        {
            DeploymentRegions = ["EU"], Roles = [OrganisationRole.Provider], InteractsWithNaturalPersons = true,
        });

        var duty = result.Duties.Single(d => d.ProvisionId == "Art. 50(1)");
        Assert.Contains(duty.Exceptions, e => e.Contains("obvious", StringComparison.Ordinal));
        Assert.Equal(DutyCheck.NotChecked, duty.Check);
    }

    [Fact]
    public void OutOfScope_HasNoDuties()
    {
        var result = new RiskClassifier(new RiskClassificationOptions(), Clock).Classify(Recruitment(null) with { DeploymentRegions = ["US"] });
        Assert.Empty(result.Duties);
    }
}
