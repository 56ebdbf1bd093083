using System.Text;

namespace AiGovernance.Shared.Tests.JsonLines;

public sealed class JsonLinesAppendFileTests
{
    [Fact]
    public void Open_CreatesTheMissingDirectory_AndAnEmptyFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a", "b", "log.jsonl");

        using var file = JsonLinesAppendFile.Open(path, "test log");

        Assert.Equal(path, file.Path);
        Assert.Equal(0, file.Length);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void SecondOpen_WhileTheFirstIsOpen_IsRefused_AndTheFileKeepsTheFirstWritersLines()
    {
        using var folder = new TempFolder();
        var path = folder.File("log.jsonl");
        using var first = JsonLinesAppendFile.Open(path, "test log");
        first.Append("{\"a\":1}\n"u8, flushToDisk: false);

        Assert.Throws<IOException>(() => JsonLinesAppendFile.Open(path, "test log"));
        first.Append("{\"a\":2}\n"u8, flushToDisk: false);

        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", ReadShared(path));
    }

    [Fact]
    public void Append_AddsLinesAtTheEnd_AfterReopening()
    {
        using var folder = new TempFolder();
        var path = folder.File("log.jsonl");
        using (var file = JsonLinesAppendFile.Open(path, "test log"))
        {
            file.Append("{\"a\":1}\n"u8, flushToDisk: true);
        }

        using (var file = JsonLinesAppendFile.Open(path, "test log"))
        {
            file.SeekToEnd();
            file.Append("{\"a\":2}\n"u8, flushToDisk: true);
        }

        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", File.ReadAllText(path));
    }

    [Fact]
    public void TruncateTo_CutsATornTail_AndTheNextLineStartsThere()
    {
        using var folder = new TempFolder();
        var path = folder.File("log.jsonl");
        File.WriteAllText(path, "{\"a\":1}\n{\"a\":");
        using (var file = JsonLinesAppendFile.Open(path, "test log"))
        {
            var complete = JsonLinesReader.LengthOfCompleteLines(file.Stream);
            Assert.Equal(8, complete);
            file.TruncateTo(complete);
            file.Append("{\"b\":2}\n"u8, flushToDisk: true);
        }

        Assert.Equal("{\"a\":1}\n{\"b\":2}\n", File.ReadAllText(path));
    }

    private static string ReadShared(string path)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var text = new StreamReader(reader, Encoding.UTF8);
        return text.ReadToEnd();
    }
}
