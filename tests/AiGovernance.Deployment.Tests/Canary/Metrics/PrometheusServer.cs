using System.Globalization;
using System.Text.Json;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

/// <summary>The Prometheus server CI starts (<c>eng/prometheus.sh</c>): <c>AIGOV_PROMETHEUS</c> is its HTTP API,
/// <c>AIGOV_PROMETHEUS_TARGETS</c> the file_sd directory a test registers its own /metrics host in. Absent outside CI the
/// test is skipped with the reason; under <c>CI=true</c> it fails.</summary>
internal static class PrometheusServer
{
    public const string Variable = "AIGOV_PROMETHEUS";
    public const string TargetsVariable = "AIGOV_PROMETHEUS_TARGETS";

    public static (Uri Address, string TargetsDirectory) RequireOrSkip()
    {
        var address = Environment.GetEnvironmentVariable(Variable);
        var targets = Environment.GetEnvironmentVariable(TargetsVariable);
        if (string.IsNullOrEmpty(address) || string.IsNullOrEmpty(targets))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true",
                $"CI must run the Prometheus tests: {Variable} / {TargetsVariable} are not set (.ci/run starts eng/prometheus.sh).");
            Assert.Skip($"{Variable} is not set: start a server with eval \"$(eng/prometheus.sh start)\" to run this test against a real Prometheus.");
        }

        return (new Uri(address!), targets!);
    }

    /// <summary>Registers a scrape target (file_sd), written atomically; disposing removes it.</summary>
    public static IDisposable Register(string targetsDirectory, string name, int port)
    {
        var path = Path.Combine(targetsDirectory, name + ".json");
        var temporary = path + ".tmp";
        var target = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, "[{\"targets\":[\"" + target + "\"],\"labels\":{\"test\":\"" + name + "\"}}]");
        File.Move(temporary, path, overwrite: true);
        return new Registration(path);
    }

    /// <summary>Evaluates an instant query returning one number (0 when there is no series).</summary>
    public static async Task<double> ScalarAsync(HttpClient client, Uri server, string promQl, CancellationToken cancellationToken)
    {
        var body = await client.GetStringAsync(new Uri(server, "api/v1/query?query=" + Uri.EscapeDataString(promQl)), cancellationToken);
        using var document = JsonDocument.Parse(body);
        var result = document.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? 0
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private sealed class Registration(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}
