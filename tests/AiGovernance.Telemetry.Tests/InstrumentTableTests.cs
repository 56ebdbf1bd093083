using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AiGovernance.Telemetry.Tests;

/// <summary>docs/telemetry.md's instrument table is the one complete, correct list: every instrument the packages create is
/// in it with its meter, kind and unit, every row names an instrument that exists, and OpenTelemetry exports each one with
/// its documented unit.</summary>
public sealed class InstrumentTableTests
{
    [Fact]
    public void EveryCreatedInstrument_IsDocumentedWithItsMeterKindAndUnit()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var created = InstrumentCatalog.Create(services.GetRequiredService<IMeterFactory>());
        var documented = TelemetryDoc.Instruments().ToDictionary(d => (d.Meter, d.Name));

        var wrong = created
            .Where(i => !documented.TryGetValue((i.Meter.Name, i.Name), out var row) || row.Kind != InstrumentCatalog.KindOf(i) || row.Unit != i.Unit)
            .Select(i => $"{i.Meter.Name} {i.Name} {InstrumentCatalog.KindOf(i)} {i.Unit}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryDocumentedInstrument_IsCreated()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var created = InstrumentCatalog.Create(services.GetRequiredService<IMeterFactory>()).Select(i => (i.Meter.Name, i.Name)).ToHashSet();

        var stale = TelemetryDoc.Instruments().Where(d => !created.Contains((d.Meter, d.Name))).Select(d => $"{d.Meter} {d.Name}").ToList();

        Assert.Empty(stale);
    }

    [Fact]
    public void EveryDocumentedRow_StatesTagsOrNoneAndAMeaning()
    {
        var incomplete = TelemetryDoc.Instruments().Where(d => d.Tags.Length == 0 || d.Meaning.Length < 10).Select(d => d.Name).ToList();

        Assert.Empty(incomplete);
    }

    [Fact]
    public void TheCatalog_FindsEveryPackagesInstruments()
    {
        // Guards the comparisons above against a scan that silently finds nothing.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = InstrumentCatalog.Create(services.GetRequiredService<IMeterFactory>()).Select(i => i.Meter.Name).ToHashSet();

        Assert.Equal(InstrumentCatalog.Packages.Length, meters.Count);
        Assert.True(TelemetryDoc.Instruments().Count >= 41);
    }

    [Fact]
    public void OpenTelemetryInMemoryExporter_SeesEveryDocumentedInstrumentWithItsUnit()
    {
        var exported = new List<Metric>();
        using var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter("AiGovernance.*").AddInMemoryExporter(exported).Build();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        foreach (var instrument in InstrumentCatalog.Create(services.GetRequiredService<IMeterFactory>()))
        {
            InstrumentCatalog.RecordOne(instrument);
        }

        meterProvider.ForceFlush();

        var seen = exported.Select(m => (m.MeterName, m.Name, m.Unit)).ToHashSet();
        var missing = TelemetryDoc.Instruments().Where(d => !seen.Contains((d.Meter, d.Name, d.Unit))).Select(d => $"{d.Meter} {d.Name} {d.Unit}").ToList();
        Assert.Empty(missing);
    }
}
