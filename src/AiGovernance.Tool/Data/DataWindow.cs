using AiGovernance.Monitoring.Data;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>One production window.</summary>
/// <param name="Name">A short label ("2026-07", "current.csv").</param>
/// <param name="Data">The window's rows.</param>
/// <param name="End">When the window closed; the drift response workflow's clock is set to it so windows a month apart
/// are not suppressed by the cool-down. <see langword="null"/> means "now".</param>
internal sealed record DataWindow(string Name, TabularData Data, DateTimeOffset? End);
