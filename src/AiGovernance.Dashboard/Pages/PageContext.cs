using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using Microsoft.AspNetCore.Antiforgery;

namespace AiGovernance.Dashboard.Pages;

/// <summary>What a page renders from: the stores the service already has (optional ones may be absent), the options, the
/// clock, the dashboard's base path and, when actions are allowed for the user, the antiforgery token for its forms.</summary>
internal sealed class PageContext
{
    public required DashboardOptions Options { get; init; }

    public required IAuditLog AuditLog { get; init; }

    public required IGovernanceReportStore Reports { get; init; }

    public IAiInventory? Inventory { get; init; }

    public required ContinuationReviewSchedule ReviewSchedule { get; init; }

    public IRolloutStateStore? Rollouts { get; init; }

    public SeriousIncidentRegister? Incidents { get; init; }

    public IAuditCheckpointSource? Checkpoints { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The dashboard's root path, without a trailing slash, for example <c>/governance</c>.</summary>
    public required string BasePath { get; init; }

    /// <summary>The path and query of the current page, for the forms' return address.</summary>
    public required string CurrentPath { get; init; }

    /// <summary>The antiforgery token for forms, or <see langword="null"/> when the user may not act (read-only).</summary>
    public AntiforgeryTokenSet? ActionToken { get; init; }

    public bool CanAct => ActionToken is not null;

    /// <summary>Writes the hidden fields every action form carries: the antiforgery token and the return address.</summary>
    public void WriteFormFields(HtmlWriter html)
    {
        if (ActionToken is not { } token)
        {
            return;
        }

        html.Raw("<input type=\"hidden\"").Attribute("name", token.FormFieldName).Raw(" value=\"").FullText(token.RequestToken).Raw("\">")
            .Raw("<input type=\"hidden\" name=\"return\"").Attribute("value", CurrentPath).Raw(">");
    }
}
