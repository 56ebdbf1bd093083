using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>What the drift response workflow did with one event, and what the handlers said they would do.</summary>
/// <param name="Trigger">What raised the event ("window 2026-08", "accuracy trend").</param>
/// <param name="Result">The workflow's result.</param>
/// <param name="Actions">One line per action a handler would take.</param>
internal sealed record ResponseRecord(string Trigger, DriftResponseResult Result, IReadOnlyList<string> Actions);
