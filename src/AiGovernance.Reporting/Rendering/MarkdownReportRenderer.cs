using System.Text;
using AiGovernance.Reporting.Layout;
using AiGovernance.Shared;

namespace AiGovernance.Reporting.Rendering;

/// <summary>Renders a <see cref="ReportLayout"/> as GitHub-flavoured Markdown: headings, tiles as a list, tables with every
/// cell escaped, charts as one sentence (the numbers behind them are in the tables and the JSON report).</summary>
/// <remarks>Text from data is escaped so it can neither start Markdown structure nor inject HTML: paragraphs and list items
/// backslash-escape Markdown punctuation and encode <c>&lt;</c> and <c>&amp;</c>, table cells escape <c>|</c> and fold line
/// breaks, code spans pick a fence longer than any backtick run inside.</remarks>
public static class MarkdownReportRenderer
{
    /// <summary>Renders the layout.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is null.</exception>
    public static string Render(ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var b = new StringBuilder(16 * 1024);
        b.Append("# ").Append(MarkdownText.Escape(layout.Title)).Append(" — ").Append(MarkdownText.Escape(layout.Subject)).Append("\n\n");
        b.Append("Generated ").Append(Formatting.ReportFormat.Timestamp(layout.GeneratedAt));
        if (layout.Byline is { } byline)
        {
            b.Append(" · ").Append(MarkdownText.Escape(byline));
        }

        b.Append("\n\n");
        foreach (var section in layout.Sections)
        {
            Section(b, section);
        }

        return b.ToString();
    }

    private static void Section(StringBuilder b, ReportSection section)
    {
        b.Append("## ").Append(section.HeadingIsCode ? MarkdownText.Code(section.Heading) : MarkdownText.Escape(section.Heading));
        if (section.Badge is { } badge)
        {
            b.Append(" (").Append(MarkdownText.Escape(badge.Text)).Append(')');
        }

        b.Append("\n\n");
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case TilesBlock tiles:
                    foreach (var t in tiles.Tiles)
                    {
                        b.Append("- **").Append(MarkdownText.Escape(t.Title)).Append("**: ").Append(MarkdownText.Escape(t.Value));
                        if (t.Note.Length > 0)
                        {
                            b.Append(" — ").Append(MarkdownText.Escape(t.Note));
                        }

                        b.Append('\n');
                    }

                    b.Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    Inlines(b, paragraph.Inlines);
                    b.Append("\n\n");
                    break;
                case TableBlock table:
                    Table(b, table);
                    break;
                case ChartBlock chart:
                    b.Append("*Chart: ").Append(MarkdownText.Escape(chart.Chart.Describe())).Append("*\n\n");
                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        b.Append("- ");
                        Inlines(b, item);
                        b.Append('\n');
                    }

                    b.Append('\n');
                    break;
                case FactsBlock facts:
                    foreach (var fact in facts.Facts)
                    {
                        b.Append("- **").Append(MarkdownText.Escape(fact.Term)).Append("**: ")
                            .Append(fact.Code ? MarkdownText.Code(fact.Value) : MarkdownText.Escape(fact.Value)).Append('\n');
                    }

                    b.Append('\n');
                    break;
                default:
                    throw new NotSupportedException($"No Markdown rendering for {block.GetType().Name}.");
            }
        }
    }

    private static void Table(StringBuilder b, TableBlock table)
    {
        var headers = table.Columns.Select(c => c.Header).ToArray();
        var right = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Numeric).Select(x => x.i).ToArray();
        MarkdownTable.Header(b, headers, right);
        foreach (var row in table.Rows)
        {
            MarkdownTable.Row(b, [.. row.Cells.Select(CellText)]);
        }

        if (table.OmittedRows > 0)
        {
            b.Append('\n').Append(Formatting.ReportFormat.Count(table.OmittedRows)).Append(" more rows are in the JSON report.\n");
        }

        b.Append('\n');
    }

    private static string CellText(TableCell cell) => cell.Style switch
    {
        // A code span keeps the text literal; MarkdownTable then escapes '|' inside it.
        CellStyle.Code => MarkdownText.Code(cell.Text),
        CellStyle.Strong => "**" + MarkdownText.EscapeForCell(cell.Text) + "**",
        _ => MarkdownText.EscapeForCell(cell.Text),
    };

    private static void Inlines(StringBuilder b, IReadOnlyList<ReportInline> inlines)
    {
        foreach (var inline in inlines)
        {
            b.Append(inline.Style switch
            {
                InlineStyle.Code => MarkdownText.Code(inline.Text),
                InlineStyle.Strong => "**" + MarkdownText.Escape(inline.Text) + "**",
                InlineStyle.Emphasis => "*" + MarkdownText.Escape(inline.Text) + "*",
                _ => MarkdownText.Escape(inline.Text),
            });
        }
    }
}
