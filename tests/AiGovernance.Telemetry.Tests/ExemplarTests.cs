using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiGovernance.Deployment;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AiGovernance.Telemetry.Tests;

/// <summary>With a trace-based exemplar filter (as the GatedService sample configures), a canary latency recorded inside a
/// request's span leaves an exemplar pointing at that trace in its histogram bucket.</summary>
public sealed class ExemplarTests
{
    [Fact]
    public void CanaryLatency_RecordedInsideASpan_KeepsAnExemplarWithItsTraceIdAndValue()
    {
        var exported = new List<Metric>();
        using var source = new ActivitySource("AiGovernance.Telemetry.Tests.Exemplars");
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(source.Name).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(DeploymentTelemetry.MeterName)
            .SetExemplarFilter(ExemplarFilterType.TraceBased).AddInMemoryExporter(exported).Build();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var recorder = new CanaryRecorder(services.GetRequiredService<IMeterFactory>());

        ActivityTraceId trace;
        using (var request = source.StartActivity("request")!)
        {
            trace = request.TraceId;
            recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(42));
        }

        meters.ForceFlush();

        var values = new List<double>();
        foreach (var metric in exported.Where(m => m.Name == "aigovernance.deployment.canary.latency"))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (point.TryGetExemplars(out var exemplars))
                {
                    foreach (ref readonly var exemplar in exemplars)
                    {
                        if (exemplar.TraceId == trace)
                        {
                            values.Add(exemplar.DoubleValue);
                        }
                    }
                }
            }
        }

        Assert.Equal(0.042, Assert.Single(values), 12);
    }
}
