using System.Text;

namespace AiGovernance.Shared.Tests.JsonLines;

public sealed class JsonLinesReaderTests
{
    [Fact]
    public void Scan_ReportsEachLineWithItsEndOffset_AndATornLastLineAsUnterminated()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("ab\ncde\nf"));
        var seen = new List<(string Line, long End, bool Terminated)>();

        JsonLinesReader.Scan(stream, (line, end, terminated) =>
        {
            seen.Add((Encoding.UTF8.GetString(line), end, terminated));
            return true;
        }, TestContext.Current.CancellationToken);

        Assert.Equal([("ab", 3L, true), ("cde", 7L, true), ("f", 8L, false)], seen);
    }

    [Fact]
    public void Scan_StopsWhenTheHandlerSaysSo()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\nb\nc\n"));
        var count = 0;

        JsonLinesReader.Scan(stream, (_, _, _) => ++count < 2, TestContext.Current.CancellationToken);

        Assert.Equal(2, count);
    }

    [Fact]
    public void Scan_ALineLongerThanTheBuffer_ArrivesWhole()
    {
        var longLine = new string('x', 200_000);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("s\n" + longLine + "\nt\n"));
        var lengths = new List<int>();

        JsonLinesReader.Scan(stream, (line, _, _) =>
        {
            lengths.Add(line.Length);
            return true;
        }, TestContext.Current.CancellationToken);

        Assert.Equal([1, 200_000, 1], lengths);
    }

    [Fact]
    public async Task ReadAsync_YieldsCompleteLinesWithTheirNumbers_TrimsCarriageReturns_AndLeavesOutATornTail()
    {
        using var folder = new TempFolder();
        var path = folder.File("lines.jsonl");
        await File.WriteAllTextAsync(path, "one\r\n\ntwo\nthr", TestContext.Current.CancellationToken);
        var lines = new List<string>();

        await foreach (var line in JsonLinesReader.ReadAsync<string>(path, Parse, TestContext.Current.CancellationToken))
        {
            lines.Add(line);
        }

        Assert.Equal(["1:one", "3:two"], lines);

        static bool Parse(ReadOnlySpan<byte> line, long number, out string value)
        {
            value = $"{number}:{Encoding.UTF8.GetString(line)}";
            return !line.IsEmpty;
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 0)]
    [InlineData("a\n", 2)]
    [InlineData("a\nbc", 2)]
    [InlineData("a\nb\n", 4)]
    public void LengthOfCompleteLines_EndsAfterTheLastLineFeed(string content, long expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        Assert.Equal(expected, JsonLinesReader.LengthOfCompleteLines(stream));
    }

    [Fact]
    public void LengthOfCompleteLines_FindsALineFeedFarBeforeAnUnterminatedTail()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\n" + new string('x', 10_000)));

        Assert.Equal(2, JsonLinesReader.LengthOfCompleteLines(stream));
    }
}
