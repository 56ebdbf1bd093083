using AiGovernance.Scorecards.Literacy;

namespace AiGovernance.Scorecards.Tests.Literacy;

public class AiLiteracyAssessmentTests
{
    private static readonly AiLiteracyAssessment Assessment = AiLiteracyAssessment.Default;

    private static IndividualLiteracyAssessment Assess(string id, string role, params double[] scores)
    {
        var competencies = Assessment.RoleCompetencies[role];
        var map = new Dictionary<string, double>();
        for (var i = 0; i < scores.Length; i++)
        {
            map[competencies[i]] = scores[i];
        }

        return Assessment.AssessIndividual(id, role, map);
    }

    private static IndividualLiteracyAssessment[] Organisation =>
    [
        Assess("exec-1", LiteracyRoles.Executive, 0.8, 0.6, 0.4, 0.7),
        Assess("exec-2", LiteracyRoles.Executive, 0.9, 0.8, 0.5, 0.8),
        Assess("tech-1", LiteracyRoles.Technical, 0.5, 0.4, 0.9, 0.3),
        Assess("tech-2", LiteracyRoles.Technical, 0.7, 0.5, 0.8, 0.4),
        Assess("tech-3", LiteracyRoles.Technical, 0.9, 0.6, 1.0, 0.5),
        Assess("legal-1", LiteracyRoles.LegalCompliance, 0.9, 0.8, 0.7, 0.8),
    ];

    [Fact]
    public void Default_HasTheSeedsRolesCompetenciesAndThresholds()
    {
        Assert.Equal(4, Assessment.RoleCompetencies.Count);
        Assert.Equal(
            ["Understand strategic AI risks", "Interpret AI business cases", "Evaluate AI vendor claims", "Oversee AI governance"],
            Assessment.RoleCompetencies[LiteracyRoles.Executive]);
        Assert.Equal("Escalate AI concerns appropriately", Assessment.RoleCompetencies[LiteracyRoles.Manager][3]);
        Assert.Equal("Conduct bias testing", Assessment.RoleCompetencies[LiteracyRoles.Technical][3]);
        Assert.Equal("Map AI to regulatory requirements", Assessment.RoleCompetencies[LiteracyRoles.LegalCompliance][0]);
        Assert.Equal(0.7, Assessment.NeedsTrainingThreshold);
        Assert.Equal(0.6, Assessment.PriorityTrainingThreshold);
    }

    [Fact]
    public void AssessIndividual_MeanBelowPointSeven_NeedsTraining()
    {
        var person = Assess("exec-1", LiteracyRoles.Executive, 0.8, 0.6, 0.4, 0.7);
        Assert.Equal(0.625, person.OverallScore, 12);
        Assert.True(person.NeedsTraining);
        Assert.Equal(["Interpret AI business cases", "Evaluate AI vendor claims"], person.CompetenciesBelowThreshold);
        Assert.Equal("executive", person.Role);

        var fluent = Assess("exec-3", "EXECUTIVE", 0.7, 0.7, 0.7, 0.7);
        Assert.False(fluent.NeedsTraining);
        Assert.Equal("executive", fluent.Role);
    }

    [Fact]
    public void AssessIndividual_BadScores_AreRejected()
    {
        var competencies = Assessment.RoleCompetencies[LiteracyRoles.Manager];
        var three = competencies.Take(3).ToDictionary(c => c, _ => 0.5);
        Assert.Equal("competencyScores", Assert.Throws<ArgumentException>(() =>
            Assessment.AssessIndividual("m", LiteracyRoles.Manager, three)).ParamName);

        var foreign = competencies.ToDictionary(c => c, _ => 0.5);
        foreign["Conduct bias testing"] = 0.5;
        Assert.Equal("competencyScores", Assert.Throws<ArgumentException>(() =>
            Assessment.AssessIndividual("m", LiteracyRoles.Manager, foreign)).ParamName);

        var outOfRange = competencies.ToDictionary(c => c, _ => 0.5);
        outOfRange[competencies[0]] = 1.2;
        Assert.Equal("competencyScores", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Assessment.AssessIndividual("m", LiteracyRoles.Manager, outOfRange)).ParamName);

        Assert.Equal("role", Assert.Throws<ArgumentException>(() =>
            Assessment.AssessIndividual("m", "intern", new Dictionary<string, double>())).ParamName);
    }

    [Fact]
    public void IdentifyGaps_ConstructedOrganisation_ByRole()
    {
        var report = Assessment.IdentifyGaps(Organisation);

        Assert.Equal(6, report.Assessed);
        Assert.Equal(3, report.NeedingTraining);
        Assert.Equal(4.05 / 6, report.OverallLiteracy, 12);
        Assert.Equal(["technical", "executive", "legal_compliance"], report.Roles.Select(r => r.Role));
        var technical = report.Roles[0];
        Assert.Equal(3, technical.People);
        Assert.Equal(0.625, technical.AverageScore, 12);
        Assert.Equal(0.075, technical.Gap, 12);
        Assert.Equal(2, technical.NeedingTraining);
        Assert.Equal("Conduct bias testing", technical.Competencies[0].Competency);
        Assert.Equal(0.4, technical.Competencies[0].AverageScore, 12);
        Assert.Equal(0.6875, report.Roles[1].AverageScore, 12);
        Assert.Equal(0.0, report.Roles[2].Gap);
    }

    [Fact]
    public void IdentifyGaps_ConstructedOrganisation_ByCompetencyAndPriorityTopics()
    {
        var report = Assessment.IdentifyGaps(Organisation);

        Assert.Equal(12, report.Competencies.Count);
        var vendor = report.Competencies.Single(c => c.Competency == "Evaluate AI vendor claims");
        Assert.Equal(2, vendor.People);
        Assert.Equal(0.45, vendor.AverageScore, 12);
        Assert.Equal(0.25, vendor.Gap, 12);
        Assert.Equal(
            ["Conduct bias testing", "Evaluate AI vendor claims", "Implement fairness constraints"],
            report.PriorityTrainingTopics);
    }

    [Fact]
    public void ToMarkdown_ListsTopicsRolesAndCompetencies()
    {
        var markdown = Assessment.IdentifyGaps(Organisation).ToMarkdown();
        Assert.Contains("Assessed: 6 · needing training: 3 · overall literacy: 67.5 %", markdown, StringComparison.Ordinal);
        Assert.Contains("## Priority training topics\n\n- Conduct bias testing\n- Evaluate AI vendor claims\n- Implement fairness constraints\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| technical | 3 | 62.5 % | 7.5 pts | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Evaluate AI vendor claims | 2 | 45.0 % | 25.0 pts |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void IdentifyGaps_EmptyOrDuplicate_IsRejected()
    {
        Assert.Equal("assessments", Assert.Throws<ArgumentException>(() => Assessment.IdentifyGaps([])).ParamName);
        var twice = Organisation.Append(Assess("exec-1", LiteracyRoles.Executive, 1, 1, 1, 1));
        Assert.Equal("assessments", Assert.Throws<ArgumentException>(() => Assessment.IdentifyGaps(twice)).ParamName);
    }

    [Fact]
    public void CustomRoles_AndThresholds_AreUsed()
    {
        var custom = new AiLiteracyAssessment(
            new Dictionary<string, IReadOnlyList<string>> { ["data_steward"] = ["Profile training data", "Trace data lineage"] },
            needsTrainingThreshold: 0.8,
            priorityTrainingThreshold: 0.5);
        var a = custom.AssessIndividual("d1", "data_steward", new Dictionary<string, double> { ["Profile training data"] = 0.9, ["Trace data lineage"] = 0.6 });
        var b = custom.AssessIndividual("d2", "data_steward", new Dictionary<string, double> { ["Profile training data"] = 0.9, ["Trace data lineage"] = 0.3 });

        Assert.True(a.NeedsTraining);
        var report = custom.IdentifyGaps([a, b]);
        Assert.Equal(["Trace data lineage"], report.PriorityTrainingTopics);
        Assert.Equal(0.35, report.Competencies[0].Gap, 12);
    }

    [Fact]
    public void CustomRoles_Invalid_AreRejected()
    {
        Assert.Equal("roleCompetencies", Assert.Throws<ArgumentException>(() =>
            new AiLiteracyAssessment(new Dictionary<string, IReadOnlyList<string>>())).ParamName);
        Assert.Equal("roleCompetencies", Assert.Throws<ArgumentException>(() =>
            new AiLiteracyAssessment(new Dictionary<string, IReadOnlyList<string>> { ["r"] = [] })).ParamName);
        Assert.Equal("roleCompetencies", Assert.Throws<ArgumentException>(() =>
            new AiLiteracyAssessment(new Dictionary<string, IReadOnlyList<string>> { ["r"] = ["a", "A"] })).ParamName);
        Assert.Equal("needsTrainingThreshold", Assert.Throws<ArgumentException>(() =>
            new AiLiteracyAssessment(new Dictionary<string, IReadOnlyList<string>> { ["r"] = ["a"] }, 1.5)).ParamName);
    }

    [Fact]
    public void DefaultCurriculum_IsTheSeedsQuarterlyWorkshop()
    {
        var curriculum = WorkshopCurriculum.Default;
        Assert.Equal(TimeSpan.FromHours(2), curriculum.SessionDuration);
        Assert.Equal(5, curriculum.SessionAgenda.Count);
        Assert.Equal(TimeSpan.FromMinutes(45), curriculum.SessionAgenda[3].Duration);
        Assert.Equal("Fairness testing and anti-discrimination law", curriculum.TopicForQuarter(2));
        Assert.Equal("Incident response, crisis communication, remediation", curriculum.TopicForQuarter(4));
        Assert.Equal(8, curriculum.ExampleScenario.Questions.Count);
        Assert.Equal("Legal: adverse action explanations", curriculum.ExampleScenario.Questions[1].Perspective);
        Assert.Throws<ArgumentOutOfRangeException>(() => curriculum.TopicForQuarter(5));
    }
}
