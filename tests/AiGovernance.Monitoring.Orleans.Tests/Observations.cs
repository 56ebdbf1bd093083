using System.Collections.Concurrent;
using AiGovernance.Core;
using AiGovernance.Monitoring.Orleans.Windows;
using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Monitoring.Orleans.Tests;

/// <summary>What the in-process silos of the test clusters did, seen from the tests: every report published (counted per
/// window, duplicates included) and every drift response handled (per system).</summary>
internal static class Observations
{
    public static CountingReportSink Reports { get; } = new();

    private static readonly ConcurrentDictionary<string, int> s_responses = new(StringComparer.Ordinal);

    public static int ResponsesFor(string systemId) => s_responses.GetValueOrDefault(systemId);

    internal static void RecordResponse(string systemId) => s_responses.AddOrUpdate(systemId, 1, (_, n) => n + 1);

    /// <summary>A real in-memory sink (idempotent per window) that also counts how often each window was published.</summary>
    internal sealed class CountingReportSink : IDriftWindowReportSink
    {
        private readonly InMemoryDriftWindowReportSink _inner = new();
        private readonly ConcurrentDictionary<DriftWindowKey, int> _calls = new();

        public int PublishCount(DriftWindowKey key) => _calls.GetValueOrDefault(key);

        public DriftWindowReport? Find(DriftWindowKey key) => _inner.Find(key);

        public ValueTask PublishAsync(DriftWindowReport report, CancellationToken cancellationToken = default)
        {
            _calls.AddOrUpdate(report.Key, 1, (_, n) => n + 1);
            return _inner.PublishAsync(report, cancellationToken);
        }
    }

    /// <summary>A drift response handler that notes each response it ran.</summary>
    internal sealed class CountingHandler : IDriftResponseHandler
    {
        public Severity MinimumSeverity => Severity.Low;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            RecordResponse(context.Event.SystemId);
            return ValueTask.CompletedTask;
        }
    }
}
