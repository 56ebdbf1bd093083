using AiGovernance.Monitoring.Orleans.Windows;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AiGovernance.Monitoring.Orleans.Tests;

/// <summary>The systems the test silos know a reference for: one per test, so windows and response cool-downs never mix.</summary>
internal static class TestSystems
{
    public static readonly string[] All =
        ["exact", "duplicate", "collector-duplicate", "reminder", "batch", "rejected", "unreachable", "failover", "late"];

    /// <summary>Registers the shared observations, the systems' references and a counting response handler in a silo.</summary>
    public static void Register(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IDriftWindowReportSink>(Observations.Reports);
        silo.Services.AddAiGovernance(b =>
        {
            b.AddMonitoring().AddDriftResponseHandler<Observations.CountingHandler>();
            foreach (var system in All)
            {
                b.AddDriftReference(system, StreamData.Reference);
            }
        });
    }

    /// <summary>Short close delay and retry period, so reminder tests finish in seconds.</summary>
    public static void Fast(OrleansMonitoringOptions o)
    {
        o.CloseDelay = TimeSpan.FromSeconds(1);
        o.CloseRetryPeriod = TimeSpan.FromSeconds(1);
    }

    /// <summary>Membership that declares a killed silo dead within seconds.</summary>
    public static void QuickFailureDetection(ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        });
}

/// <summary>Three in-process silos with memory storage and in-memory reminders, shared by the tests of a collection.</summary>
public sealed class MemoryClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<MemorySilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class MemorySilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            TestSystems.Register(siloBuilder);
            siloBuilder.AddDriftWindows(TestSystems.Fast);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MemoryClusterGroup : ICollectionFixture<MemoryClusterFixture>
{
    public const string Name = "three silos, memory storage";
}
