using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>One production window's ingestion check and drift comparison.</summary>
/// <param name="Window">The window.</param>
/// <param name="Validation">The window checked against the schema inferred from the reference.</param>
/// <param name="Drift">The window compared with the fitted reference.</param>
internal sealed record WindowAnalysis(DataWindow Window, ValidationReport Validation, DataDriftReport Drift);
