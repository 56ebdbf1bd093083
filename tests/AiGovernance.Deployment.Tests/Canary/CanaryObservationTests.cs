using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Tests.Canary;

public sealed class CanaryObservationTests
{
    [Fact]
    public void Constructor_MissingSnapshot_ThrowsNamingTraffic()
    {
        Assert.Equal("traffic", Assert.Throws<ArgumentNullException>(
            () => new CanaryObservation(new CanarySnapshot(null!, VariantSnapshot.Empty), 0.5)).ParamName);
        Assert.Equal("traffic", Assert.Throws<ArgumentNullException>(
            () => new CanaryObservation(new CanarySnapshot(VariantSnapshot.Empty, null!), 0.5)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Constructor_PlannedFractionOutsideOpenUnitInterval_Throws(double planned) =>
        Assert.Equal("plannedCandidateFraction", Assert.Throws<ArgumentOutOfRangeException>(
            () => new CanaryObservation(new CanarySnapshot(VariantSnapshot.Empty, VariantSnapshot.Empty), planned)).ParamName);
}
