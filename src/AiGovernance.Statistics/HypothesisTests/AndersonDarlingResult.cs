namespace AiGovernance.Statistics;

/// <summary>The outcome of a k-sample Anderson–Darling test (SciPy's <c>Anderson_ksampResult</c>).</summary>
/// <param name="Statistic">The standardised statistic (A²kN − (k − 1))/σ_N; it can be negative (samples that agree better
/// than the null expects).</param>
/// <param name="PValue">SciPy's <c>significance_level</c>: interpolated from <see cref="CriticalValues"/> and capped to
/// [0.001, 0.25] (see <see cref="AndersonDarling.KSample(IReadOnlyList{double[]}, bool)"/>).</param>
/// <param name="CriticalValues">The critical values of <see cref="Statistic"/> at the significance levels
/// <see cref="AndersonDarling.SignificanceLevels"/> (25 %, 10 %, 5 %, 2.5 %, 1 %, 0.5 %, 0.1 %).</param>
/// <param name="PValueCapped">Whether <see cref="PValue"/> is a bound rather than an interpolated value: 0.25 means
/// "at least 0.25" (the statistic is below every critical value) and 0.001 means "at most 0.001".</param>
public sealed record AndersonDarlingResult(double Statistic, double PValue, IReadOnlyList<double> CriticalValues, bool PValueCapped);
