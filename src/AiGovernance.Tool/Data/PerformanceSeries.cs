namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>A higher-is-better metric measured once per period on labelled outcomes.</summary>
/// <param name="Metric">The metric's name ("accuracy").</param>
/// <param name="PeriodLabels">One label per period ("2026-W27"), oldest first.</param>
/// <param name="Values">One value per period, oldest first.</param>
/// <param name="Threshold">The value below which the model must be retrained.</param>
/// <param name="PeriodUnit">What one period is ("week"), for the reports.</param>
internal sealed record PerformanceSeries(string Metric, IReadOnlyList<string> PeriodLabels, IReadOnlyList<double> Values, double Threshold,
    string PeriodUnit);
