using AiGovernance.Core;
using AiGovernance.Gates.DueDiligence;

namespace AiGovernance.Gates.Tests.DueDiligence;

public class VendorDueDiligenceTests
{
    private static VendorAssessment Assess(params int[] values)
    {
        var ratings = new Dictionary<VendorCriterion, Severity>();
        foreach (var criterion in Enum.GetValues<VendorCriterion>())
        {
            ratings[criterion] = (Severity)(values[(int)criterion] - 1);
        }

        return new VendorAssessment("Acme AI", "lead scoring", ratings);
    }

    // Worked examples; expected scores computed exactly with fractions (seed weights 0.10 0.10 0.15 0.15 0.10 0.10 0.05 0.10 0.05 0.05 0.03 0.02).
    [Theory]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 1.0, VendorRecommendation.Approved)]
    [InlineData(new[] { 1, 1, 1, 4, 1, 1, 1, 1, 2, 1, 1, 1 }, 1.5, VendorRecommendation.ApprovedWithConditions)]
    [InlineData(new[] { 2, 1, 4, 4, 1, 1, 1, 2, 1, 1, 1, 1 }, 2.1, VendorRecommendation.ApprovedWithConditions)]
    [InlineData(new[] { 2, 2, 3, 3, 2, 2, 1, 2, 1, 2, 1, 1 }, 2.15, VendorRecommendation.ApprovedWithConditions)]
    [InlineData(new[] { 4, 3, 3, 4, 2, 3, 2, 2, 1, 3, 2, 1 }, 2.83, VendorRecommendation.RequiresRemediation)]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 }, 3.0, VendorRecommendation.Rejected)]
    [InlineData(new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 }, 4.0, VendorRecommendation.Rejected)]
    public void Score_WorkedExamples(int[] ratings, double expected, VendorRecommendation recommendation)
    {
        var result = new VendorDueDiligence(new VendorDueDiligenceOptions()).Score(Assess(ratings));
        Assert.Equal(expected, result.Score, 12);
        Assert.Equal(recommendation, result.Recommendation);
    }

    [Fact]
    public void Score_DrivingCriteria_OrderedByHowMuchTheyLiftTheScore()
    {
        var result = new VendorDueDiligence(new VendorDueDiligenceOptions()).Score(Assess(2, 1, 4, 4, 1, 1, 1, 2, 1, 1, 1, 1));
        Assert.Equal([VendorCriterion.ValidationRigour, VendorCriterion.BiasTesting, VendorCriterion.ModelDocumentation, VendorCriterion.IncidentResponse], result.DrivingCriteria);
        var bias = result.Criteria[(int)VendorCriterion.BiasTesting];
        Assert.Equal((0.15, 0.6, 0.45), (bias.Weight, bias.Contribution, bias.ExcessOverLow), new ToleranceComparer());
    }

    [Theory]
    [InlineData(1.4999999999, VendorRecommendation.Approved)]
    [InlineData(1.5, VendorRecommendation.ApprovedWithConditions)]
    [InlineData(2.4999999999, VendorRecommendation.ApprovedWithConditions)]
    [InlineData(2.5, VendorRecommendation.RequiresRemediation)]
    [InlineData(2.9999999999, VendorRecommendation.RequiresRemediation)]
    [InlineData(3.0, VendorRecommendation.Rejected)]
    public void Recommend_Thresholds(double score, VendorRecommendation expected) => Assert.Equal(expected, VendorDueDiligence.Recommend(score));

    [Fact]
    public void Weights_Defaults_SumToOne() =>
        Assert.False(VendorDueDiligenceOptionsCustomValidator.Instance.Validate(null, new VendorDueDiligenceOptions()).Failed);

    [Fact]
    public void Weights_Configurable_MustSumToOne()
    {
        var weights = new VendorCriterionWeights { AuditRights = 0.12, ValidationRigour = 0.05 };
        Assert.False(VendorDueDiligenceOptionsCustomValidator.Instance.Validate(null, new VendorDueDiligenceOptions { Weights = weights }).Failed);
        var result = new VendorDueDiligence(new VendorDueDiligenceOptions { Weights = weights }).Score(Assess(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4));
        Assert.Equal(1.36, result.Score, 12);

        var bad = new VendorCriterionWeights { AuditRights = 0.5 };
        var ex = Assert.Throws<ArgumentException>(() => new VendorDueDiligence(new VendorDueDiligenceOptions { Weights = bad }));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("sum to 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assessment_MissingCriterion_NamesRatings()
    {
        var ratings = Enum.GetValues<VendorCriterion>().Where(c => c != VendorCriterion.Liability).ToDictionary(c => c, _ => Severity.Low);
        var ex = Assert.Throws<ArgumentException>(() => new VendorAssessment("v", "c", ratings));
        Assert.Equal("ratings", ex.ParamName);
        Assert.Contains("Liability", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewContract_ReportsEveryGap()
    {
        var review = new VendorDueDiligence(new VendorDueDiligenceOptions()).ReviewContract(new VendorContractTerms());
        Assert.Equal([ContractGap.NoPerformanceGuarantees, ContractGap.NoChangeNotice, ContractGap.NoAuditRights, ContractGap.NoDataRights, ContractGap.NoExitRights], review.Gaps);
        Assert.Equal(5, review.Details.Count);
        Assert.False(review.IsComplete);
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(60, true)]
    [InlineData(90, true)]
    public void ReviewContract_ChangeNoticeOfAtLeast30Days(int days, bool complete)
    {
        var terms = new VendorContractTerms { PerformanceGuarantees = true, ChangeNoticeDays = days, AuditRights = true, DataRights = true, ExitRights = true };
        var review = new VendorDueDiligence(new VendorDueDiligenceOptions()).ReviewContract(terms);
        Assert.Equal(complete, review.IsComplete);
        if (!complete)
        {
            Assert.Equal(ContractGap.ChangeNoticeTooShort, Assert.Single(review.Gaps));
        }
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12 && Math.Abs(x.Item3 - y.Item3) < 1e-12;

        public int GetHashCode((double, double, double) obj) => 0;
    }
}
