using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Reporting;

/// <summary>How reports are rendered: number precision and the bounds that keep a report readable and small.</summary>
public sealed class ReportingOptions
{
    /// <summary>Significant digits of every statistic, rate and distance a report shows (counts are shown in full).</summary>
    /// <value>The default value is 3.</value>
    [Range(2, 6)]
    public int SignificantDigits { get; set; } = ReportingDefaults.SignificantDigits;

    /// <summary>The most drifted columns that get a distribution chart; the rest are listed in the column table.</summary>
    /// <value>The default value is 50.</value>
    [Range(0, 10_000)]
    public int MaxChartedColumns { get; set; } = ReportingDefaults.MaxChartedColumns;

    /// <summary>The most bars of a categorical chart; the smallest categories are folded into "(other)".</summary>
    /// <value>The default value is 20.</value>
    [Range(2, 200)]
    public int MaxCategories { get; set; } = ReportingDefaults.MaxCategories;

    /// <summary>The longest name or label from data that a report shows; longer ones are cut and say their length.</summary>
    /// <value>The default value is 120.</value>
    [Range(32, 10_000)]
    public int MaxTextLength { get; set; } = ReportingDefaults.MaxTextLength;

    /// <summary>The most rows of one table; the table then states how many rows it left out.</summary>
    /// <value>The default value is 5,000.</value>
    [Range(10, 1_000_000)]
    public int MaxTableRows { get; set; } = ReportingDefaults.MaxTableRows;

    /// <summary>The most rows (groups, reviewers) or series (history columns) of one chart.</summary>
    /// <value>The default value is 30.</value>
    [Range(1, 500)]
    public int MaxChartRows { get; set; } = ReportingDefaults.MaxChartRows;
}
