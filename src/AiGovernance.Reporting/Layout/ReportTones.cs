using AiGovernance.Core;

namespace AiGovernance.Reporting.Layout;

/// <summary>Maps severities to tones.</summary>
public static class ReportTones
{
    /// <summary>The tone of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The tone.</returns>
    public static ReportTone FromSeverity(Severity severity) => severity switch
    {
        Severity.Critical => ReportTone.Critical,
        Severity.High => ReportTone.High,
        Severity.Medium => ReportTone.Medium,
        _ => ReportTone.Low,
    };

    internal static string CssClass(ReportTone tone) => tone switch
    {
        ReportTone.Good => "good",
        ReportTone.Bad => "bad",
        ReportTone.Low => "sev-low",
        ReportTone.Medium => "sev-medium",
        ReportTone.High => "sev-high",
        ReportTone.Critical => "sev-critical",
        _ => "neutral",
    };
}
