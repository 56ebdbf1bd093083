using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Monitoring.Tests.Responses;

public class DriftSeverityPolicyTests
{
    private readonly DriftSeverityPolicy _policy = new();

    [Theory]
    [InlineData(0.0, 0.0, Severity.Low)]
    [InlineData(0.1, 0.03, Severity.Low)] // thresholds are strict
    [InlineData(0.1001, 0.0, Severity.Medium)]
    [InlineData(0.0, 0.031, Severity.Medium)]
    [InlineData(0.2001, 0.0, Severity.High)]
    [InlineData(0.0, 0.051, Severity.High)]
    [InlineData(0.3001, 0.0, Severity.Critical)]
    [InlineData(0.05, 0.1001, Severity.Critical)]
    [InlineData(0.15, 0.06, Severity.High)] // the worse of the two decides
    [InlineData(0.0, -0.2, Severity.Low)] // improvement
    public void Classify_SeedThresholds(double psi, double degradation, Severity expected) =>
        Assert.Equal(expected, _policy.Classify(psi, degradation));

    [Fact]
    public void Plan_PerSeverity_FollowsTheSeedResponses()
    {
        Assert.Equal(new DriftResponsePlan(Severity.Low, false, false, RetrainingPriority.None, false, false), _policy.Plan(Severity.Low, 0));
        Assert.Equal(new DriftResponsePlan(Severity.Medium, true, false, RetrainingPriority.Normal, false, false), _policy.Plan(Severity.Medium, 0));
        Assert.Equal(new DriftResponsePlan(Severity.High, true, false, RetrainingPriority.High, true, false), _policy.Plan(Severity.High, 0));
        Assert.Equal(new DriftResponsePlan(Severity.Critical, true, true, RetrainingPriority.Urgent, true, false), _policy.Plan(Severity.Critical, 0.15));
        Assert.True(_policy.Plan(Severity.Critical, 0.1501).Rollback);
    }

    [Fact]
    public void Options_CustomThresholds_Apply()
    {
        var policy = new DriftSeverityPolicy(new DriftSeverityOptions { MediumPsi = 0.05, HighPsi = 0.5, CriticalPsi = 0.9 });
        Assert.Equal(Severity.Medium, policy.Classify(0.3, 0));
    }

    [Fact]
    public void Options_ThresholdsOutOfOrder_NamesArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DriftSeverityPolicy(new DriftSeverityOptions { HighPsi = 0.4 }));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Classify_NaN_NamesArgument() =>
        Assert.Equal("psi", Assert.Throws<ArgumentException>(() => _policy.Classify(double.NaN, 0)).ParamName);
}
