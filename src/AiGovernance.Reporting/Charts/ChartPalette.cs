using AiGovernance.Core;

namespace AiGovernance.Reporting.Charts;

/// <summary>The colours of every chart and badge: reference blue against current orange, one colour per severity.</summary>
/// <remarks>Blue and orange (Tableau 10) stay distinguishable for the common colour-vision deficiencies and in greyscale
/// print; severities run from grey through amber and orange to red, each with white text above 4.5:1 contrast.</remarks>
public static class ChartPalette
{
    /// <summary>The reference (training data, baseline model, previous period): blue.</summary>
    public const string Reference = "#4c78a8";

    /// <summary>The current window (production data, candidate model, this period): orange.</summary>
    public const string Current = "#f58518";

    /// <summary>Thresholds and limits: a dashed red line.</summary>
    public const string Threshold = "#d64545";

    /// <summary>Fitted lines, projections and single series that compare with nothing: dark slate.</summary>
    public const string Neutral = "#243b53";

    /// <summary>Confidence bands behind a line: light blue.</summary>
    public const string Band = "#c6dbef";

    /// <summary>A good outcome (go, valid, within limits): green.</summary>
    public const string Good = "#3f9142";

    /// <summary>Axis lines and tick marks.</summary>
    public const string Axis = "#52606d";

    /// <summary>Grid lines.</summary>
    public const string Grid = "#e4e7eb";

    /// <summary>The colour of a severity: grey (low), amber (medium), orange (high), red (critical).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>A CSS hex colour.</returns>
    public static string ForSeverity(Severity severity) => severity switch
    {
        Severity.Critical => "#b42318",
        Severity.High => "#e8590c",
        Severity.Medium => "#c98a00",
        _ => "#7b8794",
    };
}
