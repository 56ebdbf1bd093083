using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Tests.Canary;

/// <summary>Builds variant snapshots with exact request and error counts and log-normal latencies.</summary>
internal static class SyntheticTraffic
{
    public static VariantSnapshot Variant(long requests, long errors, double medianMilliseconds, int seed, double sigma = 0.3)
    {
        var recorder = new VariantRecorder(1);
        var random = new Random(seed);
        for (long i = 0; i < requests; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var latency = TimeSpan.FromMilliseconds(medianMilliseconds * Math.Exp(sigma * normal));
            recorder.Record(latency, isError: i < errors);
        }

        return recorder.Snapshot();
    }
}
