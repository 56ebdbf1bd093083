namespace AiGovernance.Scorecards.Tests.Scorecard;

public class ExecutiveSummaryTests
{
    private static ScorecardReport WorkedExample()
    {
        var scorecard = new BalancedScorecard(ScorecardExamples.Metrics);
        var q1 = scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);
        return scorecard.Evaluate("Credit decisioning", "2025-Q2", ScorecardExamples.Q2, q1);
    }

    [Fact]
    public void ToMarkdown_WorkedExample_MatchesTheCommittedSummary()
    {
        var actual = WorkedExample().ToMarkdown();
        if (Environment.GetEnvironmentVariable("SCORECARDS_WRITE_GOLDEN") is { Length: > 0 } path)
        {
            File.WriteAllText(path, actual);
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "executive_summary_example.md"));
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual);
    }
}
