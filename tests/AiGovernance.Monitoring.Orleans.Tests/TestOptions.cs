using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Monitoring.Orleans.Windows;

namespace AiGovernance.Monitoring.Orleans.Tests;

/// <summary>Collector options and window times for the tests.</summary>
internal static class TestOptions
{
    public static OrleansMonitoringOptions Collector(Action<OrleansMonitoringOptions>? configure = null)
    {
        var options = new OrleansMonitoringOptions
        {
            BlockRows = 1024,
            BufferBlocks = 16,
            FlushRetryAttempts = 2,
            FlushRetryDelay = TimeSpan.FromMilliseconds(50),
            FlushAttemptTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The start of a window of <paramref name="length"/> that begins after <paramref name="ahead"/> from now: far
    /// enough that its closing reminder waits for the test, unique per call so tests never share a window.</summary>
    public static DateTimeOffset FutureWindowStart(TimeSpan length, TimeSpan ahead)
    {
        var now = TimeProvider.System.GetUtcNow() + ahead + TimeSpan.FromTicks(length.Ticks * 10 * Interlocked.Increment(ref s_offset));
        return DriftWindowKey.For("any", now, length).Start + length;
    }

    /// <summary>Sends every recorded row, flushing every <paramref name="flushEvery"/> rows (one partial per flush).</summary>
    public static async Task<DriftCollectorStatus> RecordAllAsync(DriftCollector collector, StreamData.Rows rows, int flushEvery, CancellationToken ct)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.True(collector.Record(rows.NumericRow(r), rows.CategoricalRow(r)));
            if ((r + 1) % flushEvery == 0)
            {
                await collector.FlushAsync(ct);
            }
        }

        return await collector.FlushAsync(ct);
    }

    private static long s_offset;
}
