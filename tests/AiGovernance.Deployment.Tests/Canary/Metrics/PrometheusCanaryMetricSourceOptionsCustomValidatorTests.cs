using AiGovernance.Deployment.Canary.Metrics;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

/// <summary>The rules the attributes cannot state, each with the exact message an operator reads.</summary>
public sealed class PrometheusCanaryMetricSourceOptionsCustomValidatorTests
{
    private static readonly PrometheusCanaryMetricSourceOptionsCustomValidator Validator = PrometheusCanaryMetricSourceOptionsCustomValidator.Instance;

    private static PrometheusCanaryMetricSourceOptions Valid() => new() { BaseAddress = new Uri("http://127.0.0.1:9090/") };

    private static IEnumerable<string> Failures(PrometheusCanaryMetricSourceOptions options) =>
        Validator.Validate(null, options).Failures ?? [];

    [Theory]
    [InlineData("http://prometheus:9090/")]
    [InlineData("https://prometheus.example/prefix")]
    public void HttpOrHttpsAddress_Valid(string address)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("ftp://prometheus/")]
    [InlineData("file:///tmp/prometheus")]
    public void OtherScheme_Refused(string address)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        Assert.Equal(["BaseAddress must be an absolute http or https address."], Failures(options));
    }

    [Fact]
    public void RelativeAddress_Refused()
    {
        var options = Valid();
        options.BaseAddress = new Uri("prometheus/api", UriKind.Relative);

        Assert.Equal(["BaseAddress must be an absolute http or https address."], Failures(options));
    }

    [Fact]
    public void EveryKnownPlaceholder_Accepted()
    {
        var options = Valid();
        options.RequestsQuery = "sum(increase(x{rollout=\"{rollout}\",variant=\"{variant}\"}[{window}]))";

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void UnknownPlaceholder_NamedWithItsIndexAndTheKnownOnes()
    {
        var options = Valid();
        options.ErrorsQuery = "sum(x{variant=\"{variant}\",pod=\"{pod}\"})";

        Assert.Equal(["ErrorsQuery holds the unknown placeholder {pod} at index 31; known: {rollout}, {variant}, {window}."], Failures(options));
    }

    [Fact]
    public void LatencyBucketsQueryWithoutVariant_Refused()
    {
        var options = Valid();
        options.LatencyBucketsQuery = "sum by (le) (x_bucket)";

        Assert.Equal(["LatencyBucketsQuery must contain the placeholder {variant}."], Failures(options));
    }

    [Fact]
    public void SameVariantNames_Refused()
    {
        var options = Valid();
        options.CandidateVariant = options.BaselineVariant;

        Assert.Equal(["BaselineVariant and CandidateVariant must differ."], Failures(options));
    }

    [Fact]
    public void BlankTemplate_LeftToTheRequiredRule()
    {
        var options = Valid();
        options.RequestsQuery = "   ";

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void NullOptions_Throws() =>
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => Validator.Validate(null, null!)).ParamName);
}
