namespace AiGovernance.Reporting.Layout;

/// <summary>One block of a report section: tiles, a paragraph, a table, a chart, a list or facts. The HTML and Markdown
/// renderers know every kind; nothing in a block is markup, so everything is escaped when rendered.</summary>
public abstract record ReportBlock
{
    private protected ReportBlock()
    {
    }
}
