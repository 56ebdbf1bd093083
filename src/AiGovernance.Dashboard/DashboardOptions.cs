using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Dashboard;

/// <summary>Options of the governance dashboard mounted with <c>app.MapAiGovernanceDashboard("/governance")</c>.</summary>
/// <remarks>The dashboard refuses every request (403) until <see cref="ReadPolicy"/> names an authorization policy, and
/// offers no state-changing action until <see cref="ActionPolicy"/> names a second one. For development on one machine,
/// <see cref="DashboardPolicies.LocalRequestsOnly"/> admits requests from the loopback interface only.</remarks>
public sealed class DashboardOptions
{
    /// <summary>The name of the ASP.NET Core authorization policy every page and asset requires.</summary>
    /// <value>The default value is <see langword="null"/>: no policy, so every request is refused with 403 and a warning is
    /// logged. Use <see cref="DashboardPolicies.LocalRequestsOnly"/> for development.</value>
    public string? ReadPolicy { get; set; }

    /// <summary>The name of the authorization policy that state-changing actions (verify the audit chain now, acknowledge an
    /// oversight warning) require in addition to <see cref="ReadPolicy"/>. Actions also require an antiforgery token.</summary>
    /// <value>The default value is <see langword="null"/>: the dashboard is read-only, shows no action and refuses every
    /// state-changing request with 403.</value>
    public string? ActionPolicy { get; set; }

    /// <summary>The heading of every page.</summary>
    /// <value>The default value is <c>AI governance</c>.</value>
    [Required]
    [StringLength(DashboardDefaults.MaxTitleLength, MinimumLength = 1)]
    public string Title { get; set; } = DashboardDefaults.Title;

    /// <summary>Audit records per page of the audit trail.</summary>
    /// <value>The default value is 50.</value>
    [Range(DashboardDefaults.MinPageSize, DashboardDefaults.MaxPageSize)]
    public int PageSize { get; set; } = DashboardDefaults.PageSize;

    /// <summary>How far back a system page reads the report history (drift, canary, oversight and scorecard reports).</summary>
    /// <value>The default value is 371 days: a year of weekly windows and the week before it.</value>
#pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "1.00:00:00", "3660.00:00:00")]
#pragma warning restore IL2026
    public TimeSpan History { get; set; } = DashboardDefaults.History;

    /// <summary>The most drift charts a system page draws: the columns with the highest peak PSI first; the rest are listed
    /// in the table only.</summary>
    /// <value>The default value is 60.</value>
    [Range(1, DashboardDefaults.MaxDriftChartsLimit)]
    public int MaxDriftCharts { get; set; } = DashboardDefaults.MaxDriftCharts;

    /// <summary>The most characters of one untrusted text (a column name, a reviewer note, an audit payload) shown; longer
    /// text is cut with an ellipsis. Everything shown is HTML-escaped whatever its length.</summary>
    /// <value>The default value is 400.</value>
    [Range(DashboardDefaults.MinTextLength, DashboardDefaults.MaxTextLengthLimit)]
    public int MaxTextLength { get; set; } = DashboardDefaults.MaxTextLength;

    /// <summary>The rollout (its <c>RolloutPlan.Name</c> in the <c>IRolloutStateStore</c>) of each system, by system id, so
    /// the system page can show the current stage. Systems not listed show no rollout.</summary>
    /// <value>The default value is an empty dictionary.</value>
    [Required]
    public IDictionary<string, string> Rollouts { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
