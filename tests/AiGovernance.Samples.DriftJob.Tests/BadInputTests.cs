namespace AiGovernance.Samples.DriftJob.Tests;

public sealed class BadInputTests
{
    private static readonly string[] Header = ["age", "income", "region"];

    [Fact]
    public async Task MissingFile_ExitsWithTwo_NamingTheFile()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));

        var run = await Run(folder, "reference.csv", "nope.csv");

        AssertBadInput(run, "nope.csv", "does not exist");
    }

    [Fact]
    public async Task MismatchedColumns_ExitsWithTwo_NamingTheColumns()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        TableFiles.WriteCsv(folder.File("current.csv"), ["age", "salary", "region"], ["40", "50000", "north"], ["41", "52000", "south"]);

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "'income'", "'salary'", "do not match");
    }

    [Fact]
    public async Task UnparsableNumber_ExitsWithTwo_NamingFileColumnAndLine()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        TableFiles.WriteCsv(folder.File("current.csv"), Header, ["40", "50000", "north"], ["41", "52000", "south"], ["39", "12x00", "east"]);

        var run = await Run(folder, "reference.csv", "current.csv");

        // Line 1 is the header, so the third data row is line 4.
        AssertBadInput(run, "current.csv", "'income'", "line 4", "'12x00' is not a number");
    }

    [Fact]
    public async Task StrayTextInAReferenceNumericColumn_IsReportedWithItsLine()
    {
        using var folder = new TempFolder();
        var rows = Enumerable.Range(0, 30).Select(i => new[] { (30 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "50000", "north" }).ToArray();
        rows[11][0] = "n/a";
        TableFiles.WriteCsv(folder.File("reference.csv"), Header, rows);
        WriteGood(folder.File("current.csv"));

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "reference.csv", "'age'", "line 13", "'n/a' is not a number");
    }

    [Fact]
    public async Task RaggedCsvRow_ExitsWithTwo_NamingTheFile()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        File.WriteAllText(folder.File("current.csv"), "age,income,region\n40,50000,north\n41,52000\n");

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "current.csv", "line 3", "2 field(s) but the header has 3");
    }

    [Fact]
    public async Task UnterminatedQuote_IsBadInput_NamingTheLineWhereTheQuoteOpened()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        var rows = Enumerable.Range(0, 500).Select(i => $"{40 + (i % 30)},{50_000 + i},{(i % 2 == 0 ? "north" : "south")}").ToList();
        rows[5] = "45,\"50005,north";   // data row 6, line 7: the quote is never closed
        File.WriteAllText(folder.File("current.csv"), "age,income,region\n" + string.Join('\n', rows) + "\n");

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "current.csv", "line 7", "quote");
    }

    [Fact]
    public async Task DecimalCommasWithSemicolons_AreBadInput_NotComparedAsCategories()
    {
        // #21 defect 5: values around 5 against values around 505 were compared as categories and reported "no drift".
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("reference.csv"), "score;region\n" + string.Join('\n', Enumerable.Range(0, 60).Select(i => $"{5 + (i % 7)},{i % 10};north")) + "\n");
        File.WriteAllText(folder.File("current.csv"), "score;region\n" + string.Join('\n', Enumerable.Range(0, 60).Select(i => $"{505 + (i % 7)},{i % 10};north")) + "\n");

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "reference.csv", "'score'", "decimal comma", "'5,0'");
    }

    [Fact]
    public async Task QuotedThousandsSeparators_AreBadInput_NotComparedAsCategories()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("reference.csv"), "income,region\n" + string.Join('\n', Enumerable.Range(0, 60).Select(i => $"\"{12 + i},{100 + i}\",north")) + "\n");
        File.WriteAllText(folder.File("current.csv"), "income,region\n" + string.Join('\n', Enumerable.Range(0, 60).Select(i => $"\"{90 + i},{100 + i}\",north")) + "\n");

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "reference.csv", "'income'", "thousands separators", "'12,100'");
    }

    [Fact]
    public async Task DecimalCommaInANumericColumn_SaysWhatItLooksLike()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        TableFiles.WriteCsv(folder.File("current.csv"), Header, ["40", "50000", "north"], ["41", "52000,5", "south"]);

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "current.csv", "'income'", "line 3", "'52000,5' is not a number", "decimal comma");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("\n   \n")]
    [InlineData("\r\n\r\n")]
    [InlineData("\n\t")]
    public async Task TrailingBlankLines_AreIgnored(string tail)
    {
        using var folder = new TempFolder();
        var rows = Enumerable.Range(0, 40).Select(i => $"{40 + (i % 30)},{50_000 + (i * 10)},{(i % 2 == 0 ? "north" : "south")}");
        var body = "age,income,region\n" + string.Join('\n', rows);
        File.WriteAllText(folder.File("reference.csv"), body + tail);
        File.WriteAllText(folder.File("current.csv"), body + tail);

        var run = await Run(folder, "reference.csv", "current.csv");

        JobAssert.Exit(DriftJobApp.ExitNoDrift, run);
        Assert.Contains("current.csv (40 rows)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlankLineBetweenRows_OfAMultiColumnFile_IsBadInput_NamingItsLine()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        File.WriteAllText(folder.File("current.csv"), "age,income,region\n40,50000,north\n\n41,52000,south\n");

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "current.csv", "line 3");
    }

    [Fact]
    public async Task EmptyFile_ExitsWithTwo()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        File.WriteAllText(folder.File("current.csv"), string.Empty);

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "current.csv", "is empty");
    }

    [Fact]
    public async Task HeaderOnlyFile_ExitsWithTwo()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        TableFiles.WriteCsv(folder.File("current.csv"), Header);

        var run = await Run(folder, "reference.csv", "current.csv");

        AssertBadInput(run, "current.csv", "no data rows");
    }

    [Fact]
    public async Task UnknownExtension_ExitsWithTwo_NamingTheExtension()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        File.WriteAllText(folder.File("current.txt"), "age,income,region\n40,50000,north\n");

        var run = await Run(folder, "reference.csv", "current.txt");

        AssertBadInput(run, "current.txt", "'.txt'", ".parquet");
    }

    [Fact]
    public async Task CorruptParquet_ExitsWithTwo()
    {
        using var folder = new TempFolder();
        WriteGood(folder.File("reference.csv"));
        File.WriteAllText(folder.File("current.parquet"), "this is not parquet at all");

        var run = await Run(folder, "reference.csv", "current.parquet");

        AssertBadInput(run, "current.parquet", "not a readable Parquet file");
    }

    [Fact]
    public async Task ReferenceWithoutCurrent_IsAUsageError()
    {
        var run = await JobHarness.RunWithTestTokenAsync("--reference", "a.csv");

        AssertBadInput(run, "--reference and --current go together");
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var run = await JobHarness.RunWithTestTokenAsync("--frobnicate");

        AssertBadInput(run, "frobnicate");
    }

    [Fact]
    public async Task DriftShareOutOfRange_IsAUsageError()
    {
        var run = await JobHarness.RunWithTestTokenAsync("--drift-share", "1.5");

        AssertBadInput(run, "--drift-share");
    }

    [Fact]
    public async Task Help_ExitsWithZero_AndDocumentsTheExitCodes()
    {
        var run = await JobHarness.RunWithTestTokenAsync("--help");

        JobAssert.Exit(0, run);
        Assert.Contains("--reference", run.Output, StringComparison.Ordinal);
        Assert.Contains("--drift-share", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 no dataset drift", run.Output, StringComparison.Ordinal);
        Assert.Contains("--fail-on-drift", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutIsAFile_IsRefusedBeforeAnyAnalysis()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("taken"), "not a folder");

        var run = await JobHarness.RunWithTestTokenAsync("--out", folder.File("taken"));

        AssertBadInput(run, "--out", "is a file, not a folder");
        Assert.DoesNotContain("Validating ingestion", run.Output, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(folder.File("taken")));
    }

    [Fact]
    public async Task OutUnderAFile_IsRefusedBeforeAnyAnalysis()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("taken"), "not a folder");

        var run = await JobHarness.RunWithTestTokenAsync("--out", Path.Combine(folder.File("taken"), "reports"));

        AssertBadInput(run, "is a file, not a folder");
        Assert.DoesNotContain("Validating ingestion", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledRun_ExitsWith130_AndWritesNothing()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await JobHarness.RunAsync(["--out", folder.File("out")], cancelled.Token);

        JobAssert.Exit(DriftJobApp.ExitCancelled, run);
        Assert.False(Directory.Exists(folder.File("out")));
        Assert.False(run.HasStackTrace, run.Output);
    }

    private static Task<JobRun> Run(TempFolder folder, string reference, string current) =>
        JobHarness.RunWithTestTokenAsync("--reference", folder.File(reference), "--current", folder.File(current), "--out", folder.File("out"));

    private static void WriteGood(string path) =>
        TableFiles.WriteCsv(path, Header, ["40", "50000", "north"], ["41", "52000", "south"], ["39", "48000", "east"]);

    private static void AssertBadInput(JobRun run, params string[] fragments)
    {
        JobAssert.Exit(DriftJobApp.ExitBadInput, run);
        Assert.False(run.HasStackTrace, run.Output + run.Error);

        // One line on standard error, nothing of it on standard output.
        var error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("error: ", run.Output, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error, StringComparison.Ordinal);
        }
    }
}
