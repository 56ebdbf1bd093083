namespace AiGovernance.Reporting.Layout;

/// <summary>A report laid out for reading: a title, what it is about, when it was made, and its sections in order. The HTML
/// and Markdown renderers turn any layout into a page; a dashboard can render a single section.</summary>
/// <param name="Kind">The report kind (<c>drift</c>, <c>fairness</c>, …).</param>
/// <param name="Title">The title, for example "Drift report".</param>
/// <param name="Subject">What the report is about, usually the AI system's name.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Sections">The sections.</param>
public sealed record ReportLayout(string Kind, string Title, string Subject, DateTimeOffset GeneratedAt, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>A line under the title (for example the data's source), or <see langword="null"/>.</summary>
    public string? Byline { get; init; }

    /// <summary>The footer line.</summary>
    public string Footer { get; init; } = "AiGovernance.Reporting · this file needs no network and runs no script.";
}
