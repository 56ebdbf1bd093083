namespace AiGovernance.Dashboard;

/// <summary>The defaults and limits of <see cref="DashboardOptions"/>, in one place.</summary>
internal static class DashboardDefaults
{
    /// <summary>The heading of every page.</summary>
    public const string Title = "AI governance";

    /// <summary>The longest heading accepted.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>Audit records per page: a screen of rows at 1280 px.</summary>
    public const int PageSize = 50;

    /// <summary>The fewest audit records per page.</summary>
    public const int MinPageSize = 10;

    /// <summary>The most audit records per page: bounds the page's size and render time.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The most drift charts per system page.</summary>
    public const int MaxDriftCharts = 60;

    /// <summary>The upper limit of <see cref="DashboardOptions.MaxDriftCharts"/>.</summary>
    public const int MaxDriftChartsLimit = 1000;

    /// <summary>The most characters of one untrusted text shown.</summary>
    public const int MaxTextLength = 400;

    /// <summary>The lower limit of <see cref="DashboardOptions.MaxTextLength"/>.</summary>
    public const int MinTextLength = 16;

    /// <summary>The upper limit of <see cref="DashboardOptions.MaxTextLength"/>.</summary>
    public const int MaxTextLengthLimit = 10_000;

    /// <summary>A year of weekly windows and the week before it.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(371);

    /// <summary>The longest note a reviewer may attach to an acknowledgement.</summary>
    public const int MaxNoteLength = 1000;
}
