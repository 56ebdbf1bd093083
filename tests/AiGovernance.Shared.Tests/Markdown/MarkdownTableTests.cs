using System.Text;
using AiGovernance.Shared;

namespace AiGovernance.Shared.Tests.Markdown;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Cell_WithPipeAndLineBreaks_CannotEndTheCellOrTheRow()
    {
        Assert.Equal("a \\| b c d e", MarkdownTable.Cell("a | b\r\nc\nd\re"));
    }

    [Fact]
    public void Cell_PlainText_IsReturnedUnchanged()
    {
        const string text = "age_years";
        Assert.Same(text, MarkdownTable.Cell(text));
    }

    [Fact]
    public void Cell_NullOrEmpty_IsEmpty()
    {
        Assert.Equal(string.Empty, MarkdownTable.Cell(null));
        Assert.Equal(string.Empty, MarkdownTable.Cell(string.Empty));
    }

    [Fact]
    public void Header_WritesNamesAndSeparators_RightAlignedWhereAsked()
    {
        var text = new StringBuilder();
        MarkdownTable.Header(text, ["Column", "PSI", "p"], [1, 2]);
        Assert.Equal("| Column | PSI | p |\n|---|---:|---:|\n", text.ToString());
    }

    [Fact]
    public void Row_EscapesEveryCell_AndKeepsEmptyCellsEmpty()
    {
        var text = new StringBuilder();
        MarkdownTable.Row(text, "x|y", null, "z");
        Assert.Equal("| x\\|y | | z |\n", text.ToString());
    }

    [Fact]
    public void Row_FromHostileText_HasAsManyCellsAsColumns()
    {
        var text = new StringBuilder();
        MarkdownTable.Row(text, "| | |\n| --- |", "ok");
        var line = text.ToString().TrimEnd('\n');
        Assert.DoesNotContain('\n', line);
        var unescapedPipes = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '|' && (i == 0 || line[i - 1] != '\\'))
            {
                unescapedPipes++;
            }
        }

        Assert.Equal(3, unescapedPipes);
    }
}
