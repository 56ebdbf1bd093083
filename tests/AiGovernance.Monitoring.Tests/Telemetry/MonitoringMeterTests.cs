using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Tests.Drift;
using AiGovernance.Monitoring.VendorSla;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.Telemetry;

public class MonitoringMeterTests
{
    [Fact]
    public void Meter_PublishesPsiPerColumn_DriftedShare_AndSlaViolations()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "AiGovernance.Monitoring")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.Length > 0 ? tags[0].Value?.ToString() : null)));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.Length > 0 ? tags[0].Value?.ToString() : null)));
        listener.Start();

        var detector = new DataDriftDetector();
        var report = detector.Compare(detector.Fit(SyntheticDrift.Reference(300, 1)), SyntheticDrift.Drifted(300, 2));
        var time = new FakeTimeProvider();
        var monitor = new VendorPerformanceMonitor("MeterTestVendor", "c", new VendorSlaBaseline { Accuracy = 0.9, Precision = 0.9, Recall = 0.9, LatencyP95 = TimeSpan.FromSeconds(1), LatencyP99 = TimeSpan.FromSeconds(2) }, time);
        for (var i = 0; i < 200; i++)
        {
            monitor.LogPrediction(true, false);
        }

        monitor.GetReport();

        Assert.Contains(measurements, m => m.Instrument == "aigovernance.monitoring.drift.psi" && m.Tag == "income" && m.Value == report.Columns[0].Psi);
        Assert.Contains(measurements, m => m.Instrument == "aigovernance.monitoring.drift.drifted_column_share");
        Assert.Contains(measurements, m => m.Instrument == "aigovernance.monitoring.vendor.sla_violations" && m.Tag == "MeterTestVendor");
    }
}
