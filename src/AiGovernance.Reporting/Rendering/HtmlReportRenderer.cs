using System.Net;
using System.Text;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Rendering;

/// <summary>Renders a <see cref="ReportLayout"/> as HTML: a whole self-contained document, a fragment to place in another
/// page (a dashboard), or a single section.</summary>
/// <remarks>
/// <para>The document carries its stylesheet inline and its charts as inline SVG: no script, no external reference, no
/// <c>url(</c>; it opens from a file, an e-mail attachment or an archive without network, and prints on A4. A fragment is
/// a <c>&lt;div class="aigov-report"&gt;</c> that expects <see cref="Stylesheet"/> from the page around it (a dashboard
/// serves it as a file so its Content-Security-Policy can forbid inline styles).</para>
/// <para>Every text is HTML-encoded; layouts carry no markup, so nothing from data can become markup. Element ids are
/// escaped the same way. Output is O(size of the layout).</para>
/// </remarks>
public static class HtmlReportRenderer
{
    /// <summary>Renders a whole HTML document.</summary>
    /// <param name="layout">The layout.</param>
    /// <param name="significantDigits">Significant digits of chart tooltips.</param>
    /// <returns>The document, starting with <c>&lt;!DOCTYPE html&gt;</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is null.</exception>
    public static string RenderDocument(ReportLayout layout, int significantDigits = ReportingDefaults.SignificantDigits)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var b = new StringBuilder(64 * 1024);
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append("<title>").Append(E(layout.Title)).Append(" — ").Append(E(layout.Subject)).Append("</title>\n");
        b.Append("<style>\n").Append(Stylesheet).Append("</style>\n</head>\n<body>\n");
        b.Append("<header><h1>").Append(E(layout.Title)).Append(" <span class=\"system\">").Append(E(layout.Subject)).Append("</span></h1>\n");
        b.Append("<p class=\"meta\">Generated ").Append(E(Formatting.ReportFormat.Timestamp(layout.GeneratedAt)));
        if (layout.Byline is { } byline)
        {
            b.Append(" · ").Append(E(byline));
        }

        b.Append("</p></header>\n<main>\n");
        WriteSections(b, layout, significantDigits);
        b.Append("</main>\n<footer>").Append(E(layout.Footer)).Append("</footer>\n</body>\n</html>\n");
        return b.ToString();
    }

    /// <summary>Renders the report's sections inside <c>&lt;div class="aigov-report" data-kind="…"&gt;</c>, for a page that
    /// includes <see cref="Stylesheet"/>.</summary>
    /// <param name="layout">The layout.</param>
    /// <param name="significantDigits">Significant digits of chart tooltips.</param>
    /// <returns>The fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is null.</exception>
    public static string RenderFragment(ReportLayout layout, int significantDigits = ReportingDefaults.SignificantDigits)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var b = new StringBuilder(32 * 1024);
        b.Append("<div class=\"aigov-report\" data-kind=\"").Append(E(layout.Kind)).Append("\">\n");
        WriteSections(b, layout, significantDigits);
        b.Append("</div>\n");
        return b.ToString();
    }

    /// <summary>Renders one section as <c>&lt;section id="…" class="card"&gt;</c>.</summary>
    /// <param name="section">The section.</param>
    /// <param name="significantDigits">Significant digits of chart tooltips.</param>
    /// <returns>The section's HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is null.</exception>
    public static string RenderSection(ReportSection section, int significantDigits = ReportingDefaults.SignificantDigits)
    {
        ArgumentNullException.ThrowIfNull(section);
        var b = new StringBuilder(8 * 1024);
        WriteSection(b, section, significantDigits);
        return b.ToString();
    }

    /// <summary>The stylesheet of reports: screen layout up to 1180 px wide, print layout on A4 with colours kept.</summary>
    /// <remarks>It references no font file, image or other URL.</remarks>
    public static string Stylesheet => Css;

    private static void WriteSections(StringBuilder b, ReportLayout layout, int digits)
    {
        foreach (var section in layout.Sections)
        {
            WriteSection(b, section, digits);
        }
    }

    private static void WriteSection(StringBuilder b, ReportSection section, int digits)
    {
        b.Append("<section id=\"").Append(E(section.Id)).Append("\" class=\"card").Append(section.CssClass is null ? string.Empty : " " +
            E(section.CssClass))
            .Append('"');
        Data(b, section.Data);
        b.Append(">\n<h2>");
        b.Append(section.HeadingIsCode ? "<code>" + E(section.Heading) + "</code>" : E(section.Heading));
        if (section.Badge is { } badge)
        {
            b.Append(' ');
            Cell(b, badge);
        }

        b.Append("</h2>\n");
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case TilesBlock tiles:
                    Tiles(b, tiles);
                    break;
                case ParagraphBlock paragraph:
                    b.Append(paragraph.Muted ? "<p class=\"why\">" : "<p>");
                    Inlines(b, paragraph.Inlines);
                    b.Append("</p>\n");
                    break;
                case TableBlock table:
                    Table(b, table);
                    break;
                case ChartBlock chart:
                    b.Append("<figure class=\"chart\">\n");
                    chart.Chart.WriteTo(b, digits);
                    b.Append("<figcaption>").Append(E(chart.Chart.Title)).Append("</figcaption>\n</figure>\n");
                    break;
                case ListBlock list:
                    b.Append("<ul>\n");
                    foreach (var item in list.Items)
                    {
                        b.Append("<li>");
                        Inlines(b, item);
                        b.Append("</li>\n");
                    }

                    b.Append("</ul>\n");
                    break;
                case FactsBlock facts:
                    b.Append("<dl class=\"facts\">\n");
                    foreach (var fact in facts.Facts)
                    {
                        b.Append("<dt>").Append(E(fact.Term)).Append("</dt><dd>")
                            .Append(fact.Code ? "<code>" + E(fact.Value) + "</code>" : E(fact.Value)).Append("</dd>\n");
                    }

                    b.Append("</dl>\n");
                    break;
                default:
                    throw new NotSupportedException($"No HTML rendering for {block.GetType().Name}.");
            }
        }

        b.Append("</section>\n");
    }

    private static void Tiles(StringBuilder b, TilesBlock tiles)
    {
        b.Append("<div class=\"tiles\">\n");
        foreach (var t in tiles.Tiles)
        {
            b.Append("<div class=\"tile ").Append(ReportTones.CssClass(t.Tone)).Append("\" id=\"").Append(E(t.Id)).Append("\"><div " +
                "class=\"tile-title\">")
                .Append(E(t.Title)).Append("</div><div class=\"tile-value\">").Append(E(t.Value)).Append("</div><div class=\"tile-note\">")
                .Append(E(t.Note)).Append("</div></div>\n");
        }

        b.Append("</div>\n");
    }

    private static void Table(StringBuilder b, TableBlock table)
    {
        b.Append("<table").Append(table.CssClass is null ? string.Empty : " class=\"" + E(table.CssClass) + "\"").Append(">\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            b.Append(column.Numeric ? "<th class=\"num\">" : "<th>").Append(E(column.Header)).Append("</th>");
        }

        b.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            b.Append("<tr");
            Data(b, row.Data);
            if (row.Highlighted)
            {
                b.Append(" class=\"highlighted\"");
            }

            b.Append('>');
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var numeric = cell.Style == CellStyle.Number || (i < table.Columns.Count && table.Columns[i].Numeric);
                b.Append(numeric ? "<td class=\"num\"" : "<td");
                if (cell.Tooltip is { } tooltip)
                {
                    b.Append(" title=\"").Append(E(tooltip)).Append('"');
                }

                b.Append('>');
                Cell(b, cell);
                b.Append("</td>");
            }

            b.Append("</tr>\n");
        }

        b.Append("</tbody>\n</table>\n");
        if (table.OmittedRows > 0)
        {
            b.Append("<p class=\"why\">").Append(E(Formatting.ReportFormat.Count(table.OmittedRows))).Append(" more rows are in the JSON " +
                "report.</p>\n");
        }
    }

    private static void Cell(StringBuilder b, TableCell cell)
    {
        if (cell.Anchor is { } anchor)
        {
            b.Append("<a href=\"#").Append(E(anchor)).Append("\">");
        }

        switch (cell.Style)
        {
            case CellStyle.Code:
                b.Append("<code>").Append(E(cell.Text)).Append("</code>");
                break;
            case CellStyle.Badge:
                b.Append("<span class=\"badge ").Append(ReportTones.CssClass(cell.Tone)).Append("\">").Append(E(cell.Text)).Append("</span>");
                break;
            case CellStyle.Strong:
                b.Append("<strong class=\"").Append(ReportTones.CssClass(cell.Tone)).Append("-text\">").Append(E(cell.Text)).Append("</strong>");
                break;
            default:
                b.Append(E(cell.Text));
                break;
        }

        if (cell.Anchor is not null)
        {
            b.Append("</a>");
        }
    }

    private static void Inlines(StringBuilder b, IReadOnlyList<ReportInline> inlines)
    {
        foreach (var inline in inlines)
        {
            if (inline.Anchor is { } anchor)
            {
                b.Append("<a href=\"#").Append(E(anchor)).Append("\">");
            }

            b.Append(inline.Style switch
            {
                InlineStyle.Code => "<code>" + E(inline.Text) + "</code>",
                InlineStyle.Strong => "<strong>" + E(inline.Text) + "</strong>",
                InlineStyle.Emphasis => "<em>" + E(inline.Text) + "</em>",
                _ => E(inline.Text),
            });
            if (inline.Anchor is not null)
            {
                b.Append("</a>");
            }
        }
    }

    private static void Data(StringBuilder b, IReadOnlyDictionary<string, string> data)
    {
        foreach (var (name, value) in data)
        {
            if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"'{name}' is not a data attribute name (lower-case letters, digits, hyphens).", nameof(data));
            }

            // Values often come from data (a column, a group, a reviewer): control characters are shown as escapes, never written.
            b.Append(" data-").Append(name).Append("=\"").Append(E(Shared.UntrustedText.Bound(value, 1_000))).Append('"');
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --bg:#f5f7fa; --card:#ffffff; }
        * { box-sizing: border-box; }
        body { margin:0; font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color:var(--ink); background:var(--bg); }
        header { background:#243b53; color:#fff; padding:20px 32px; }
        header h1 { margin:0; font-size:26px; }
        header .system { font-weight:400; opacity:.8; }
        header .meta { margin:6px 0 0; opacity:.85; font-size:13px; }
        main { max-width:1180px; margin:0 auto; padding:20px 24px 8px; }
        .card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:0 0 18px;
          box-shadow:0 1px 2px rgba(0,0,0,.04); }
        h2 { font-size:19px; margin:0 0 10px; }
        .tiles { display:flex; flex-wrap:wrap; gap:12px; margin-bottom:10px; }
        .tile { flex:1 1 200px; border-radius:8px; padding:12px 14px; border:1px solid var(--line); border-left-width:6px; }
        .tile-title { font-size:12px; text-transform:uppercase; letter-spacing:.05em; color:var(--muted); }
        .tile-value { font-size:28px; font-weight:700; }
        .tile-note { font-size:12px; color:var(--muted); }
        .tile.bad { border-left-color:#d64545; background:#fff5f5; }
        .tile.good { border-left-color:#3f9142; background:#f3fbf3; }
        .tile.neutral { border-left-color:#4c78a8; background:#f5f9fd; }
        .tile.sev-critical { border-left-color:#b42318; background:#fff1f0; }
        .tile.sev-high { border-left-color:#e8590c; background:#fff4e6; }
        .tile.sev-medium { border-left-color:#f0b429; background:#fffbea; }
        .tile.sev-low { border-left-color:#7b8794; background:#f5f7fa; }
        table { border-collapse:collapse; width:100%; font-size:13.5px; }
        th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#f0f4f8; font-weight:600; }
        th.num, td.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
        tr.highlighted td { background:#fffaf0; }
        .badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; color:#fff; background:#52606d; }
        .badge.good { background:#3f9142; }
        .badge.bad { background:#b42318; }
        .badge.sev-critical { background:#b42318; }
        .badge.sev-high { background:#e8590c; }
        .badge.sev-medium { background:#c98a00; }
        .badge.sev-low { background:#7b8794; }
        .bad-text, .sev-critical-text, .sev-high-text { color:#b42318; }
        .good-text { color:#2f7a32; }
        .muted { color:var(--muted); }
        .why { color:var(--muted); margin:0 0 8px; }
        figure.chart { margin:8px 0 12px; }
        figure.chart figcaption { font-size:12px; color:var(--muted); }
        svg { max-width:100%; height:auto; display:block; }
        svg text { font-family: "DejaVu Sans", sans-serif; fill:#1f2933; }
        dl.facts { display:grid; grid-template-columns: max-content 1fr; gap:4px 16px; margin:0; }
        dl.facts dt { font-weight:600; }
        dl.facts dd { margin:0; overflow-wrap:anywhere; }
        ul { margin:0 0 8px; padding-left:20px; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size:13px; overflow-wrap:anywhere; }
        footer { text-align:center; color:var(--muted); font-size:12px; padding:8px 0 24px; }
        @media print {
          @page { size: A4; margin: 14mm; }
          body { background:#fff; font-size:11px; -webkit-print-color-adjust:exact; print-color-adjust:exact; }
          header { background:#fff; color:var(--ink); padding:0 0 8px; border-bottom:2px solid #243b53; }
          main { max-width:none; padding:8px 0 0; }
          .card { box-shadow:none; break-inside:avoid; page-break-inside:avoid; padding:8px 10px; }
          table { font-size:10px; }
          thead { display:table-header-group; }
          tr { break-inside:avoid; }
          svg { width:100%; }
        }
        """;
}
