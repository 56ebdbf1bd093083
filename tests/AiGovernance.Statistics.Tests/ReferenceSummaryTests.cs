namespace AiGovernance.Statistics.Tests;

[CollectionDefinition(nameof(ReferenceSummaryGroup), DisableParallelization = true)]
public sealed class ReferenceSummaryGroup;

/// <summary>Runs after the parallel test collections and reports how many reference values were compared.</summary>
[Collection(nameof(ReferenceSummaryGroup))]
public class ReferenceSummaryTests
{
    [Fact]
    public void ReportReferenceComparisons()
    {
        var message = $"Reference values compared: {Reference.Compared}; largest relative deviation: {Reference.MaxRelativeDeviation:E3}";
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        TestContext.Current.SendDiagnosticMessage(message);

        // Each comparison enforces its own tolerance; this only reports. The value must be a real number.
        Assert.True(double.IsFinite(Reference.MaxRelativeDeviation), message);
    }
}
