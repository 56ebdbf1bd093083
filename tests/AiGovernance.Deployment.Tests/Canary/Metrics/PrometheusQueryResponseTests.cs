using System.Text;
using AiGovernance.Deployment.Canary.Metrics;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

/// <summary>Bodies shaped as in https://prometheus.io/docs/prometheus/latest/querying/api/.</summary>
public sealed class PrometheusQueryResponseTests
{
    private static readonly Uri Server = new("http://prometheus:9090/");

    [Fact]
    public void Parse_Vector_ReturnsLeAndValues()
    {
        var body = """
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"le":"0.005"},"value":[1435781451.781,"3"]},
              {"metric":{"le":"+Inf"},"value":[1435781451.781,"7"]}]}}
            """;

        var samples = PrometheusQueryResponse.Parse(Encoding.UTF8.GetBytes(body), 200, "q", Server);

        Assert.Equal([("0.005", 3.0), ("+Inf", 7.0)], samples);
    }

    [Fact]
    public void Parse_SpecialValues_ParsedExplicitly()
    {
        Assert.True(double.IsNaN(PrometheusQueryResponse.ParseValue("NaN")!.Value));
        Assert.Equal(double.PositiveInfinity, PrometheusQueryResponse.ParseValue("+Inf"));
        Assert.Equal(double.NegativeInfinity, PrometheusQueryResponse.ParseValue("-Inf"));
        Assert.Equal(1e-3, PrometheusQueryResponse.ParseValue("1e-03"));
        Assert.Null(PrometheusQueryResponse.ParseValue("abc"));
    }

    [Fact]
    public void Parse_ErrorBody_ThrowsWithErrorTypeAndQuery()
    {
        var body = """{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}""";

        var ex = Assert.Throws<CanaryMetricException>(() => PrometheusQueryResponse.Parse(Encoding.UTF8.GetBytes(body), 503, "sum(x)", Server));

        Assert.Contains("sum(x)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Matrix_ThrowsExplainingInstantVectorNeeded()
    {
        var body = """{"status":"success","data":{"resultType":"matrix","result":[]}}""";

        var ex = Assert.Throws<CanaryMetricException>(() => PrometheusQueryResponse.Parse(Encoding.UTF8.GetBytes(body), 200, "x[5m]", Server));

        Assert.Contains("matrix", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ThrowsNamingQuery()
    {
        var ex = Assert.Throws<CanaryMetricException>(() => PrometheusQueryResponse.Parse("<html>"u8.ToArray(), 502, "sum(y)", Server));

        Assert.Contains("sum(y)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not JSON", ex.Message, StringComparison.Ordinal);
    }

    private const string OneSample = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"3"]}]}}""";

    private static List<(string? Le, double Value)> Parse(string body, int statusCode = 200) =>
        PrometheusQueryResponse.Parse(Encoding.UTF8.GetBytes(body), statusCode, "q", Server);

    [Theory]
    [InlineData(200)]
    [InlineData(203)]
    [InlineData(299)]
    public void Parse_SuccessWithAny2xxStatus_ReturnsTheSamples(int statusCode) =>
        Assert.Equal([(null, 3.0)], Parse(OneSample, statusCode));

    [Theory]
    [InlineData(199)]
    [InlineData(300)]
    [InlineData(500)]
    public void Parse_SuccessBodyWithNon2xxStatus_Throws(int statusCode)
    {
        var ex = Assert.Throws<CanaryMetricException>(() => Parse(OneSample, statusCode));

        Assert.Equal($"Prometheus at http://prometheus:9090/ answered query 'q' with HTTP {statusCode}, status success: (none): (no message)",
            ex.Message);
    }

    [Fact]
    public void Parse_ErrorStatusWithHttp200_ThrowsWithTheErrorTypeAndMessage()
    {
        var ex = Assert.Throws<CanaryMetricException>(
            () => Parse("""{"status":"error","errorType":"execution","error":"many-to-many matching not allowed"}"""));

        Assert.Equal(
            "Prometheus at http://prometheus:9090/ answered query 'q' with HTTP 200, status error: execution: many-to-many matching not allowed",
            ex.Message);
    }

    [Theory]
    [InlineData("""{"status":"success"}""")]
    [InlineData("""{"status":"success","data":[]}""")]
    [InlineData("""{"status":"success","data":{"result":[]}}""")]
    public void Parse_WithoutDataObject_ThrowsNamingWhatIsMissing(string body)
    {
        var ex = Assert.Throws<CanaryMetricException>(() => Parse(body));

        Assert.Equal("Prometheus at http://prometheus:9090/ answered query 'q' without data.resultType and data.result.", ex.Message);
    }

    [Fact]
    public void Parse_MetricThatIsNotAnObject_HasNoLe() =>
        Assert.Equal([(null, 3.0)], Parse("""{"status":"success","data":{"resultType":"vector","result":[{"metric":"x","value":[1,"3"]}]}}"""));

    [Theory]
    [InlineData("""[1,"3",2]""")]
    [InlineData("""[1]""")]
    [InlineData("""[1,3]""")]
    [InlineData("\"3\"")]
    public void Parse_SampleNotTimeAndValueString_Throws(string pair)
    {
        var ex = Assert.Throws<CanaryMetricException>(
            () => Parse("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":""" + pair + "}]}}"));

        Assert.Equal("Query 'q' returned a sample that is not [time, \"value\"].", ex.Message);
    }

    [Fact]
    public void ParseValue_InfWithoutSign_IsPositiveInfinity() =>
        Assert.Equal(double.PositiveInfinity, PrometheusQueryResponse.ParseValue("Inf"));
}
