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
}
