using AiGovernance.Dashboard.History;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using Microsoft.AspNetCore.Http;

namespace AiGovernance.Dashboard.Pages;

/// <summary>The inventory: every AI system with its tier and the legal basis of its classification, owners, lifecycle phase,
/// third-party components and next continuation review (overdue in red).</summary>
/// <remarks>Reads the inventory, one pass over the audit log (lifecycle phases), the incident register (one more pass when
/// registered) and the latest classification report of each system.</remarks>
internal static class InventoryPage
{
    public static async Task<int> RenderAsync(PageContext context, HtmlWriter html, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        PageLayout.Begin(html, context.Options.Title, "Inventory", context.BasePath);
        html.Raw("<h2 id=\"inventory-heading\">AI inventory</h2>");
        if (context.Inventory is null)
        {
            html.Raw("<p class=\"muted\" id=\"no-inventory\">No IAiInventory is registered (call AddGates or a storage package).</p>");
            PageLayout.End(html);
            return StatusCodes.Status200OK;
        }

        var entries = await context.Inventory.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var phases = new Dictionary<string, LifecycleView>(StringComparer.Ordinal);
        await foreach (var record in context.AuditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (record.SystemId is { } system && AuditEventTypes.ReadLifecycle(record) is { } lifecycle)
            {
                phases[system] = lifecycle;
            }
        }

        var openIncidents = new Dictionary<string, int>(StringComparer.Ordinal);
        if (context.Incidents is { } register)
        {
            foreach (var incident in await register.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (incident.Status == SeriousIncidentStatus.Open)
                {
                    openIncidents[incident.SystemId] = openIncidents.GetValueOrDefault(incident.SystemId) + 1;
                }
            }
        }

        html.Raw("<p class=\"muted\">").Number(entries.Count).Raw(" systems. Continuation reviews are due one review interval of the tier after ")
            .Raw("the last review; a system never reviewed is overdue.</p>")
            .Raw("<table id=\"inventory\"><thead><tr><th>System</th><th>Risk tier</th><th>Legal basis of the classification</th>")
            .Raw("<th>Owners (business / technical / operations)</th><th>Lifecycle phase</th><th>Third-party components</th>")
            .Raw("<th>Last review</th><th>Next continuation review</th><th>Open incidents</th></tr></thead><tbody>");
        foreach (var entry in entries.OrderByDescending(e => e.Tier).ThenBy(e => e.SystemId, StringComparer.Ordinal))
        {
            await RowAsync(context, html, entry, phases.GetValueOrDefault(entry.SystemId), openIncidents.GetValueOrDefault(entry.SystemId),
                cancellationToken).ConfigureAwait(false);
        }

        html.Raw("</tbody></table>");
        PageLayout.End(html);
        return StatusCodes.Status200OK;
    }

    private static async Task RowAsync(PageContext context, HtmlWriter html, AiInventoryEntry entry, LifecycleView? phase, int incidents,
        CancellationToken cancellationToken)
    {
        DateTimeOffset? due = entry.LastReviewedAt is { } last ? last + context.ReviewSchedule.GetInterval(entry.Tier) : null;
        var overdue = due is not { } dueAt || dueAt <= context.Now;
        html.Raw("<tr").Attribute("data-system",
            entry.SystemId).Raw(overdue ? " class=\"overdue\" data-overdue=\"true\">" : " data-overdue=\"false\">")
            .Raw("<td><a").Attribute("href", context.BasePath + "/systems/" + Uri.EscapeDataString(entry.SystemId)).Raw(">").Text(entry.Name)
            .Raw("</a><br><code>").Text(entry.SystemId).Raw("</code></td><td><span class=\"badge ").Raw(Words.TierClass(entry.Tier)).Raw("\">")
            .Raw(entry.Tier.ToString()).Raw("</span></td><td class=\"legal-basis\">");
        var classification = await context.Reports.GetLatestAsync(entry.SystemId, ClassificationView.Kind, cancellationToken).ConfigureAwait(false);
        ClassificationView.WriteLegalBasis(html, classification);
        html.Raw("</td><td>").Text(entry.Owners.BusinessOwner ?? "—").Raw(" / ").Text(entry.Owners.TechnicalOwner ?? "—").Raw(" / ")
            .Text(entry.Owners.OperationsOwner ?? "—").Raw("</td><td class=\"phase\">");
        if (phase is not null)
        {
            html.Text(Words.Phase(phase.Phase)).Raw("<br><span class=\"muted\">since ").Date(phase.Since).Raw("</span>");
        }
        else
        {
            html.Raw("<span class=\"muted\">not recorded</span>");
        }

        html.Raw("</td><td class=\"third-party\">");
        if (entry.IsThirdParty)
        {
            html.Text(entry.Vendor).Raw(" · ").Text(entry.Product ?? "—").Raw(" · ").Text(entry.Component ?? "—");
            if (!entry.VendorDisclosesAi)
            {
                html.Raw(" <span class=\"badge bad\">AI not disclosed by vendor</span>");
            }
        }
        else
        {
            html.Raw("<span class=\"muted\">in-house</span>");
        }

        html.Raw("</td><td>");
        if (entry.LastReviewedAt is { } reviewed)
        {
            html.Date(reviewed);
        }
        else
        {
            html.Raw("never");
        }

        html.Raw("</td><td class=\"next-review").Raw(overdue ? " overdue\">" : "\">");
        if (due is { } next)
        {
            html.Date(next).Raw(overdue ? " — overdue" : string.Empty);
        }
        else
        {
            html.Raw("overdue — never reviewed");
        }

        html.Raw("</td><td class=\"num\">").Number(incidents).Raw("</td></tr>");
    }
}
