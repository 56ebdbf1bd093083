namespace AiGovernance.Reporting;

/// <summary>The default values of <see cref="ReportingOptions"/>.</summary>
internal static class ReportingDefaults
{
    /// <summary>Three significant digits: enough to compare a PSI of 0.112 with 0.1, few enough to read a table.</summary>
    public const int SignificantDigits = 3;

    /// <summary>A 1,000-column drift report stays well under 5 MB with 50 drawn histograms (about 30 kB each).</summary>
    public const int MaxChartedColumns = 50;

    /// <summary>Bars per categorical chart, the last one "(other)": more cannot be read at 1280 px.</summary>
    public const int MaxCategories = 20;

    /// <summary>Names and labels from data (columns, categories, reviewer ids) are cut at this many characters.</summary>
    public const int MaxTextLength = 120;

    /// <summary>Rows of one table; a longer table says how many rows were left out.</summary>
    public const int MaxTableRows = 5000;

    /// <summary>Series or rows of one chart (reviewers, groups, columns of a history chart).</summary>
    public const int MaxChartRows = 30;
}
