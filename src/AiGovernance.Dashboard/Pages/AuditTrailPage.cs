using System.Globalization;
using AiGovernance.Core.Audit;
using AiGovernance.Dashboard.History;
using Microsoft.AspNetCore.Http;

namespace AiGovernance.Dashboard.Pages;

/// <summary>The audit trail, newest first: paged, filtered by system, event type (prefix) and time; each record with its
/// hash and a link to its predecessor; the chain's status and "verify now".</summary>
/// <remarks>Two passes over the log: one counts the matches, one collects the page, so memory is O(page size) whatever the
/// log's length; time is O(records).</remarks>
internal static class AuditTrailPage
{
    private const int MaxFilterLength = 200;

    private sealed record Filter(string? System, string? Type, DateTimeOffset? From, DateTimeOffset? To, long? Before, int Page)
    {
        public bool Matches(AuditRecord record) =>
            (System is null || string.Equals(record.SystemId, System, StringComparison.Ordinal))
            && (Type is null || record.EventType.StartsWith(Type, StringComparison.Ordinal))
            && (From is not { } from || record.Timestamp >= from)
            && (To is not { } to || record.Timestamp < to)
            && (Before is not { } before || record.Sequence <= before);
    }

    public static async Task<int> RenderAsync(PageContext context, HtmlWriter html, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var query = http.Request.Query;
        var filter = new Filter(Value(query["system"]), Value(query["type"]), Date(query["from"]), Date(query["to"])?.AddDays(1),
            long.TryParse(query["before"], NumberStyles.None, CultureInfo.InvariantCulture, out var before) ? before : null,
            int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Min(page, 1_000_000) : 0);
        var size = context.Options.PageSize;

        long total = 0;
        var facts = new SystemAuditFacts();
        await foreach (var record in context.AuditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (record.EventType == DashboardAuditEvents.AuditVerified)
            {
                facts.LastVerification = SystemAuditFacts.ReadVerification(record);
            }

            if (filter.Matches(record))
            {
                total++;
            }
        }

        // Newest first: page p shows the matches numbered [total − (p+1)·size, total − p·size) in log order.
        var end = total - ((long)filter.Page * size);
        var start = Math.Max(0, end - size);
        var rows = new List<AuditRecord>(size);
        if (end > 0)
        {
            long index = 0;
            await foreach (var record in context.AuditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
            {
                if (!filter.Matches(record))
                {
                    continue;
                }

                if (index >= start && index < end)
                {
                    rows.Add(record);
                }

                if (++index >= end)
                {
                    break;
                }
            }
        }

        rows.Reverse();
        PageLayout.Begin(html, context.Options.Title, "Audit trail", context.BasePath);
        html.Raw("<h2 id=\"audit-heading\">Audit trail</h2>");
        WriteFilters(context, html, filter);
        html.Raw("<p id=\"match-count\">").Number(total).Raw(" matching records; page ").Number(filter.Page + 1L).Raw(" of ")
            .Number(Math.Max(1, (total + size - 1) / size)).Raw(", newest first.</p>");
        WritePager(context, html, filter, total, size);
        html.Raw("<table id=\"audit-records\"><thead><tr><th>#</th><th>Time</th><th>Event</th><th>Actor</th><th>System</th><th>Artifact</th>")
            .Raw("<th>Hash / predecessor</th><th>Payload</th></tr></thead><tbody>");
        foreach (var record in rows)
        {
            WriteRow(context, html, record);
        }

        html.Raw("</tbody></table>");
        WritePager(context, html, filter, total, size);
        await AuditChainSection.WriteAsync(context, html, facts, cancellationToken).ConfigureAwait(false);
        PageLayout.End(html);
        return StatusCodes.Status200OK;
    }

    private static void WriteRow(PageContext context, HtmlWriter html, AuditRecord record)
    {
        html.Raw("<tr id=\"r").Number(record.Sequence).Raw("\"").Attribute("data-type", record.EventType).Raw("><td class=\"num\">")
            .Number(record.Sequence).Raw("</td><td>").Time(record.Timestamp).Raw("</td><td>").Text(record.EventType).Raw("</td><td>")
            .Text(record.Actor).Raw("</td><td>");
        if (record.SystemId is { } system)
        {
            html.Raw("<a").Attribute("href", context.BasePath + "/systems/" + Uri.EscapeDataString(system)).Raw(">").Text(system).Raw("</a>");
        }

        html.Raw("</td><td><code>").FullText(record.ArtifactDigest.IsEmpty ? string.Empty : record.ArtifactDigest.ToString()).Raw("</code></td>")
            .Raw("<td><code class=\"hash\">").FullText(record.Hash.ToString()).Raw("</code><br>");
        if (record.Sequence > 1)
        {
            var previous = record.Sequence - 1;
            html.Raw("<a class=\"predecessor\"").Attribute("href", context.BasePath + "/audit?before="
                    + previous.ToString(CultureInfo.InvariantCulture) + "#r" + previous.ToString(CultureInfo.InvariantCulture))
                .Raw(">← #").Number(previous).Raw("</a> <code class=\"previous-hash\">").FullText(record.PreviousHash.ToString()).Raw("</code>");
        }
        else
        {
            html.Raw("<span class=\"muted\">first record</span>");
        }

        html.Raw("</td><td><code class=\"payload\">").Text(record.Payload?.GetRawText()).Raw("</code></td></tr>");
    }

    private static void WriteFilters(PageContext context, HtmlWriter html, Filter filter)
    {
        html.Raw("<form class=\"filters\" method=\"get\"").Attribute("action", context.BasePath + "/audit").Raw(">")
            .Raw("<label>System<input name=\"system\" maxlength=\"200\"").Attribute("value", filter.System).Raw("></label>")
            .Raw("<label>Event type (prefix)<input name=\"type\" maxlength=\"200\"").Attribute("value", filter.Type).Raw("></label>")
            .Raw("<label>From<input type=\"date\" name=\"from\"").Attribute("value", filter.From?.UtcDateTime.ToString("yyyy-MM-dd",
                CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw("<label>To<input type=\"date\" name=\"to\"").Attribute("value", filter.To?.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd",
                CultureInfo.InvariantCulture)).Raw("></label><button type=\"submit\">Filter</button></form>");
    }

    private static void WritePager(PageContext context, HtmlWriter html, Filter filter, long total, int size)
    {
        html.Raw("<nav class=\"pages\">");
        if (filter.Page > 0)
        {
            html.Raw("<a class=\"newer\"").Attribute("href", Link(context, filter, filter.Page - 1)).Raw(">← newer</a>");
        }

        if ((long)(filter.Page + 1) * size < total)
        {
            html.Raw("<a class=\"older\"").Attribute("href", Link(context, filter, filter.Page + 1)).Raw(">older →</a>");
        }

        html.Raw("</nav>");
    }

    private static string Link(PageContext context, Filter filter, int page)
    {
        var query = QueryString.Empty;
        query = Add(query, "system", filter.System);
        query = Add(query, "type", filter.Type);
        query = Add(query, "from", filter.From?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        query = Add(query, "to", filter.To?.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        query = Add(query, "before", filter.Before?.ToString(CultureInfo.InvariantCulture));
        query = Add(query, "page", page.ToString(CultureInfo.InvariantCulture));
        return context.BasePath + "/audit" + query.Value;
    }

    private static QueryString Add(QueryString query, string name, string? value) => value is null ? query : query.Add(name, value);

    private static string? Value(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length > MaxFilterLength ? text[..MaxFilterLength] : text.Trim();

    private static DateTimeOffset? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
}
