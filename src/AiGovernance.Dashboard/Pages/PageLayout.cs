using System.Security.Cryptography;
using System.Text;

namespace AiGovernance.Dashboard.Pages;

/// <summary>The frame of every page: one inline style sheet (allowed by its SHA-256 hash in the Content-Security-Policy), the
/// heading, the navigation and no script at all.</summary>
internal static class PageLayout
{
    /// <summary>The whole style sheet. Charts use SVG presentation attributes, never <c>style</c> attributes, so the policy
    /// needs no <c>'unsafe-inline'</c>.</summary>
    public const string StyleSheet =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f5f7fa;color:#1d2733;font-size:14px}"
        + "header{background:#1d2733;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:baseline}"
        + "header h1{font-size:18px;margin:0}header a{color:#cfe3ff;text-decoration:none}header a:hover{text-decoration:underline}"
        + "main{padding:16px 24px;max-width:1400px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:16px 0 6px}"
        + "table{border-collapse:collapse;background:#fff;width:100%;margin:4px 0 12px}"
        + "th,td{border:1px solid #d6dde6;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef2f7;font-weight:600}"
        + "td.num{text-align:right;font-variant-numeric:tabular-nums}code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;"
        + "word-break:break-all}.muted{color:#5b6b7c}.badge{display:inline-block;padding:1px 7px;border-radius:9px;font-size:12px;font-weight:600}"
        + ".ok{background:#e3f4e5;color:#1b6e2a}.warn{background:#fff1d6;color:#8a5a00}.bad{background:#fde2e1;color:#a4161a}"
        + ".overdue{color:#c62828;font-weight:600}tr.overdue td{background:#fff5f5}.tiles{display:flex;flex-wrap:wrap;gap:12px}"
        + ".tile{background:#fff;border:1px solid #d6dde6;border-radius:6px;padding:8px 12px;min-width:160px}"
        + ".tile .label{color:#5b6b7c;font-size:12px}.tile .value{font-size:18px;font-weight:600}"
        + ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:12px}"
        + "figure{margin:0 0 12px;background:#fff;border:1px solid #d6dde6;border-radius:6px;padding:6px}figcaption{font-size:13px;font-weight:600}"
        + "figure svg{display:block;max-width:100%;height:auto}"
        + "svg text{font-family:system-ui,sans-serif}form.inline{display:inline}button{font:inherit;padding:2px 10px;cursor:pointer}"
        + "input,select{font:inherit;padding:2px 4px}.filters{display:flex;gap:8px;align-items:end;flex-wrap:wrap;margin:8px 0}"
        + ".filters label{display:flex;flex-direction:column;font-size:12px;color:#5b6b7c}nav.pages{margin:8px 0;display:flex;gap:12px}"
        + "@media print{header{background:#fff;color:#000}header a{display:none}form,nav.pages{display:none}}";

    /// <summary>The Content-Security-Policy of every response: nothing may load, run or embed except the style sheet above;
    /// forms post only to this origin; no framing.</summary>
    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; style-src 'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleSheet)))
        + "'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Begin(HtmlWriter html, string title, string pageTitle, string basePath)
    {
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\"><title>").Text(pageTitle).Raw(" — ").Text(title).Raw("</title><style>")
            .Raw(StyleSheet).Raw("</style></head><body><header><h1>").Text(title).Raw("</h1><a").Attribute("href", basePath + "/")
            .Raw(">Inventory</a><a").Attribute("href", basePath + "/audit").Raw(">Audit trail</a></header><main>");
    }

    public static void End(HtmlWriter html) => html.Raw("</main></body></html>");

    /// <summary>Writes a section's heading (<c>h2</c>, or <c>h3</c> for a subsection) and, when the section has nothing to show, the
    /// note saying so.</summary>
    /// <returns>Whether the section has content to write.</returns>
    public static bool Section(HtmlWriter html, string id, string heading, bool empty, string emptyNote, bool subsection = false)
    {
        var tag = subsection ? "h3" : "h2";
        html.Raw("<").Raw(tag).Raw(" id=\"").Raw(id).Raw("\">").Raw(heading).Raw("</").Raw(tag).Raw(">");
        if (empty)
        {
            html.Raw("<p class=\"muted\">").Raw(emptyNote).Raw("</p>");
        }

        return !empty;
    }
}
