using AiGovernance.Gates.Incidents;

namespace AiGovernance.Gates.Tests.Incidents;

/// <summary>Art. 73(2)-(4): 15 days; 2 days for a widespread infringement or a serious and irreversible disruption of critical
/// infrastructure; 10 days after a death; the shortest applicable wins.</summary>
public class SeriousIncidentDeadlinesTests
{
    [Theory]
    [InlineData(new[] { SeriousIncidentHarm.SeriousHarmToHealth }, false, 15, "EU AI Act Art. 73(2)")]
    [InlineData(new[] { SeriousIncidentHarm.FundamentalRightsInfringement }, false, 15, "EU AI Act Art. 73(2)")]
    [InlineData(new[] { SeriousIncidentHarm.PropertyOrEnvironmentHarm }, false, 15, "EU AI Act Art. 73(2)")]
    [InlineData(new[] { SeriousIncidentHarm.FundamentalRightsInfringement }, true, 2, "EU AI Act Art. 73(3)")]
    [InlineData(new[] { SeriousIncidentHarm.CriticalInfrastructureDisruption }, false, 2, "EU AI Act Art. 73(3)")]
    [InlineData(new[] { SeriousIncidentHarm.Death }, false, 10, "EU AI Act Art. 73(4)")]
    [InlineData(new[] { SeriousIncidentHarm.Death, SeriousIncidentHarm.SeriousHarmToHealth }, false, 10, "EU AI Act Art. 73(4)")]
    [InlineData(new[] { SeriousIncidentHarm.Death, SeriousIncidentHarm.CriticalInfrastructureDisruption }, false, 2, "EU AI Act Art. 73(3)")]
    [InlineData(new SeriousIncidentHarm[0], true, 2, "EU AI Act Art. 73(3)")]
    [InlineData(new SeriousIncidentHarm[0], false, 2, "EU AI Act Art. 73(3)")]
    public void GetPeriod_ShortestApplicableWins(SeriousIncidentHarm[] harms, bool widespread, int days, string citation)
    {
        var period = SeriousIncidentDeadlines.GetPeriod(harms, widespread);

        Assert.Equal(TimeSpan.FromDays(days), period.Period);
        Assert.Equal(citation, period.Citation);
    }

    [Fact]
    public void GetPeriod_NotAssessed_SaysWhyTheShortestApplies() =>
        Assert.Contains("Not yet assessed", SeriousIncidentDeadlines.GetPeriod([], isWidespreadInfringement: false).Reason, StringComparison.Ordinal);

    [Fact]
    public void GetPeriod_UndefinedHarm_NamesTheArgument() =>
        Assert.Equal("harms", Assert.Throws<ArgumentException>(() => SeriousIncidentDeadlines.GetPeriod([(SeriousIncidentHarm)9], false)).ParamName);

    [Fact]
    public void EveryCitation_IsAProvisionOfThePublishedLaw()
    {
        foreach (var citation in (string[])["Art. 73(2)", "Art. 73(3)", "Art. 73(4)"])
        {
            Assert.True(Gates.Law.EuAiActLaw.Published.IsCitation("EU AI Act " + citation));
        }
    }
}
