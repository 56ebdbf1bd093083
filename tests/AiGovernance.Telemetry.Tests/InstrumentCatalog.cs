using System.Diagnostics.Metrics;
using System.Reflection;
using AiGovernance.Dashboard;
using AiGovernance.Deployment;
using AiGovernance.Gates;
using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Orleans;
using AiGovernance.Oversight;
using AiGovernance.Reporting;
using AiGovernance.Scorecards;

namespace AiGovernance.Telemetry.Tests;

/// <summary>The instruments the packages really create: every package's telemetry class is constructed on a meter factory
/// while a <see cref="MeterListener"/> records each instrument published on an <c>AiGovernance.*</c> meter.</summary>
internal static class InstrumentCatalog
{
    /// <summary>One assembly per package that has a meter.</summary>
    public static readonly Assembly[] Packages =
    [
        typeof(GatesTelemetry).Assembly,
        typeof(MonitoringTelemetry).Assembly,
        typeof(DeploymentTelemetry).Assembly,
        typeof(OversightTelemetry).Assembly,
        typeof(ScorecardsTelemetry).Assembly,
        typeof(AiGovernance.Storage.Sqlite.SqliteStorageOptions).Assembly,
        typeof(AiGovernance.Storage.PostgreSql.PostgreSqlStorageOptions).Assembly,
        typeof(OrleansMonitoringTelemetry).Assembly,
        typeof(ReportingTelemetry).Assembly,
        typeof(DashboardTelemetry).Assembly,
        typeof(AiGovernance.Notifications.NotificationsTelemetry).Assembly,
        typeof(AiGovernance.Deployment.AspNetCore.CanaryJudgeTelemetry).Assembly,
        typeof(AiGovernance.Deployment.Yarp.YarpTrafficTelemetry).Assembly,
        typeof(AiGovernance.Deployment.FeatureManagement.FeatureFlagTrafficTelemetry).Assembly,
    ];

    /// <summary>Constructs every package's telemetry class on <paramref name="meterFactory"/> and returns the instruments
    /// published on its meters.</summary>
    public static IReadOnlyList<Instrument> Create(IMeterFactory meterFactory)
    {
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                // Only this factory's meters: test classes run in parallel, and another test's meter of the same name may be
                // disposed (its instruments then export nothing) while this one is being scanned.
                if (instrument.Meter.Name.StartsWith("AiGovernance.", StringComparison.Ordinal) && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    lock (published)
                    {
                        published.Add(instrument);
                    }
                }
            },
        };
        listener.Start();
        foreach (var assembly in Packages)
        {
            var types = assembly.GetTypes().Where(t => t.Name.EndsWith("Telemetry", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract).ToList();
            Assert.True(types.Count > 0, $"{assembly.GetName().Name} has no telemetry class");
            foreach (var type in types)
            {
                Construct(type, meterFactory);
            }
        }

        lock (published)
        {
            return [.. published.DistinctBy(i => (i.Meter.Name, i.Name))];
        }
    }

    /// <summary>The kind as docs/telemetry.md writes it.</summary>
    public static string KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        var name = type.IsGenericType ? type.GetGenericTypeDefinition().Name : type.Name;
        return name[..name.IndexOf('`', StringComparison.Ordinal)] switch
        {
            "Counter" => "counter",
            "UpDownCounter" => "up-down counter",
            "Histogram" => "histogram",
            "Gauge" => "gauge",
            "ObservableCounter" => "observable counter",
            "ObservableUpDownCounter" => "observable up-down counter",
            "ObservableGauge" => "observable gauge",
            var other => other,
        };
    }

    /// <summary>Records one measurement on a synchronous instrument (what a component would record, without driving it).</summary>
    public static void RecordOne(Instrument instrument)
    {
        switch (instrument)
        {
            case Counter<long> c: c.Add(1); break;
            case Counter<int> c: c.Add(1); break;
            case Counter<double> c: c.Add(1); break;
            case UpDownCounter<long> c: c.Add(1); break;
            case Histogram<double> h: h.Record(0.5); break;
            case Histogram<long> h: h.Record(1); break;
            case Histogram<int> h: h.Record(1); break;
            case Gauge<double> g: g.Record(0.5); break;
            case Gauge<long> g: g.Record(1); break;
            default: Assert.Fail($"{instrument.Name}: no measurement written for {instrument.GetType()}"); break;
        }
    }

    private static void Construct(Type type, IMeterFactory meterFactory)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic;
        var create = type.GetMethods(Any | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "Create" && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IMeterFactory));
        if (create is not null)
        {
            create.Invoke(null, [meterFactory]);
            return;
        }

        var constructor = type.GetConstructors(Any | BindingFlags.Instance)
            .FirstOrDefault(c => c.GetParameters() is [{ ParameterType: var p }] && p == typeof(IMeterFactory));
        Assert.True(constructor is not null, $"{type}: neither Create(IMeterFactory) nor a constructor taking an IMeterFactory");
        constructor.Invoke([meterFactory]);
    }
}
