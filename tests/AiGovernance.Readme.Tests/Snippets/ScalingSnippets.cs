using System.Net;
using System.Net.Sockets;
using AiGovernance.Monitoring.Columnar;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Monitoring.Orleans.Windows;
using AiGovernance.Monitoring.Parquet;
using AiGovernance.Monitoring.Parquet.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of README.md's "Scaling out" section and of the Monitoring.Parquet and
/// Monitoring.Orleans READMEs: real files, a real in-process silo.</summary>
public class ScalingSnippets
{
    private static TabularData Applications(int rows, double incomeMean, int seed)
    {
        var age = SnippetData.Normal(rows, 42, 9, seed).Select(a => Math.Clamp(Math.Round(a), 18, 90)).ToArray();
        var income = SnippetData.Normal(rows, incomeMean, 12_000, seed + 1).Select(i => Math.Round(i / 100) * 100).ToArray();
        var region = Enumerable.Range(0, rows).Select(i => (i % 3) switch { 0 => "north", 1 => "south", _ => "west" }).ToArray();
        return TabularData.CreateBuilder().AddNumeric("age", age).AddNumeric("income", income).AddCategorical("region", region).Build();
    }

    private sealed class CollectingProgress : IProgress<DriftProgress>
    {
        public int Count;

        public void Report(DriftProgress value) => Interlocked.Increment(ref Count);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Parquet_TrainingParquetAgainstTodaysCsv()
    {
        using var folder = SnippetData.CreateTempDirectory();
        var training = Applications(4_000, 52_000, seed: 200);
        var today = Applications(3_000, 61_000, seed: 210);
        var trainingParquetPath = Path.Combine(folder.Path, "train.parquet");
        var todayCsvPath = Path.Combine(folder.Path, "today.csv");
        await TableFiles.WriteParquetAsync(training, trainingParquetPath, 1_000, CancellationToken.None);
        TableFiles.WriteCsv(today, todayCsvPath);
        var detector = new DataDriftDetector(timeProvider: new FakeTimeProvider());
        var progress = new CollectingProgress();
        var cancellationToken = CancellationToken.None;

        await using var reference = await ParquetColumnarSource.OpenAsync(trainingParquetPath);
        await using var current = await CsvColumnarSource.OpenAsync(todayCsvPath);              // converted to Parquet once
        var report = await new ColumnarDriftRunner(detector).RunAsync(reference, current, progress, cancellationToken);

        Assert.Equal(detector.Compare(detector.Fit(training), today).ToJson(), report.ToJson());
        Assert.True(report.Columns.Single(c => c.Column == "income").IsDrifted);
        Assert.Equal(3, progress.Count);
    }

    [Fact]
    public async Task Orleans_EmbeddedSilo_CollectorAndBatchFanOut()
    {
        var reference = new DataDriftDetector().Fit(Applications(4_000, 52_000, seed: 300));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([
            new("AiGovernance:Monitoring:Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("AiGovernance:Monitoring:Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("AiGovernance:Monitoring:Orleans:ClusterId", "readme-" + Guid.NewGuid().ToString("N")),
        ]);
        double age = 41, income = 58_000;
        string? region = "north";

        // A silo in the process (embedded: localhost clustering, memory storage, nothing to set up) and this replica's collector.
        builder.Services.AddAiGovernance(b => b.AddDriftReference("credit-scoring", reference));
        builder.AddOrleansDriftMonitoring(builder.Configuration.GetSection("AiGovernance:Monitoring:Orleans"), o => o.SystemId = "credit-scoring");
        using var host = builder.Build();
        await host.StartAsync();

        var collector = host.Services.GetRequiredService<DriftCollector>();   // the request path: allocation-free, never blocks
        collector.Record([age, income], [region]);                              // in NumericColumns / CategoricalColumns order

        Assert.Equal(["age", "income"], collector.NumericColumns);
        Assert.Equal(1, (await collector.FlushAsync()).AcknowledgedRows);      // persisted by the window grain

        var windowLength = TimeSpan.FromHours(1);
        var runStartedAt = TimeProvider.System.GetUtcNow().AddDays(1);
        var partition = Applications(2_000, 61_000, seed: 310);

        var grains = host.Services.GetRequiredService<IGrainFactory>();       // or an IClusterClient in the job's workers
        var window = DriftWindowKey.For("credit-scoring", runStartedAt, windowLength);

        var profile = WindowProfile.Create(reference);
        profile.AddRows(partition);                                            // this worker's rows only
        await grains.SubmitPartitionAsync(window, windowLength, "part-00042.parquet", profile);
        var report = (await grains.CloseWindowAsync(window)).GetReport();     // once every partition is in

        Assert.NotNull(report);
        Assert.Equal(2_000, report.RowCount);
        var single = new DataDriftDetector().Compare(reference, partition).Columns.Single(c => c.Column == "region");
        Assert.Equal(single.Psi, report.Drift.Columns.Single(c => c.Column == "region").Psi);
        await host.StopAsync();
    }
}
