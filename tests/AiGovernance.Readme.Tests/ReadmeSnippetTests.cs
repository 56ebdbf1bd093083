using System.Text.RegularExpressions;

namespace AiGovernance.Readme.Tests;

/// <summary>Keeps the READMEs honest: every <c>```csharp</c> block in README.md and src/*/README.md must appear, verbatim
/// up to each line's leading and trailing whitespace, in a file under Snippets/, where a test compiles and runs it.
/// Using directives of a block may sit at the top of the snippet file instead (they cannot appear inside a method).</summary>
public partial class ReadmeSnippetTests
{
    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();

    [GeneratedRegex(@"^```([A-Za-z#+-]+)", RegexOptions.Multiline)]
    private static partial Regex FenceLanguage();

    [GeneratedRegex(@"^using\s+(static\s+)?(?!var\b)[A-Za-z_][\w.]*(\s*=\s*[\w.<>]+)?\s*;$")]
    private static partial Regex UsingDirective();

    internal static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AiGovernance.sln not found above " + AppContext.BaseDirectory);
    }

    internal static IEnumerable<string> ReadmePaths() =>
        new[] { Path.Combine(RepoRoot, "README.md") }
            .Concat(Directory.GetDirectories(Path.Combine(RepoRoot, "src"), "AiGovernance.*")
                .Select(d => Path.Combine(d, "README.md"))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(RepoRoot, path).Replace('\\', '/');

    /// <summary>Each block as (README path, 1-based block number, text).</summary>
    internal static IEnumerable<(string Readme, int Number, string Code)> Blocks()
    {
        foreach (var path in ReadmePaths())
        {
            var number = 0;
            foreach (Match match in CsharpBlock().Matches(File.ReadAllText(path)))
            {
                yield return (Relative(path), ++number, match.Groups[1].Value);
            }
        }
    }

    public static TheoryData<string, int> BlockIds()
    {
        var data = new TheoryData<string, int>();
        foreach (var (readme, number, _) in Blocks())
        {
            data.Add(readme, number);
        }

        return data;
    }

    /// <summary>Trims every line and drops blank ones, so indentation inside a test method does not matter.</summary>
    internal static IReadOnlyList<string> Normalize(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static readonly Lazy<string> SnippetSources = new(() =>
        string.Join("\n", Directory.GetFiles(Path.Combine(RepoRoot, "tests", "AiGovernance.Readme.Tests", "Snippets"), "*.cs")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Normalize(File.ReadAllText(f)))));

    [Theory]
    [MemberData(nameof(BlockIds))]
    public void CsharpBlock_IsCompiledAndRunBySnippetTest(string readme, int number)
    {
        var code = Blocks().Single(b => b.Readme == readme && b.Number == number).Code;
        var lines = Normalize(code);
        var directives = lines.Where(l => UsingDirective().IsMatch(l)).ToList();
        var body = lines.Where(l => !UsingDirective().IsMatch(l)).ToList();
        var sources = "\n" + SnippetSources.Value + "\n";

        Assert.NotEmpty(body);
        foreach (var directive in directives)
        {
            Assert.True(sources.Contains("\n" + directive + "\n", StringComparison.Ordinal),
                $"{readme} block {number}: the directive '{directive}' is in no Snippets/*.cs file.");
        }

        var joined = "\n" + string.Join("\n", body) + "\n";
        Assert.True(sources.Contains(joined, StringComparison.Ordinal),
            $"{readme} block {number} is not found verbatim in tests/AiGovernance.Readme.Tests/Snippets/*.cs. " +
            $"Paste the edited block into its snippet test. Block starts: '{body[0]}'.");
    }

    [Fact]
    public void Readmes_HaveCsharpBlocks_AndEveryPackageReadmeHasAtLeastOne()
    {
        var blocks = Blocks().ToList();
        Assert.Contains(blocks, b => b.Readme == "README.md");
        foreach (var path in ReadmePaths().Skip(1))
        {
            Assert.Contains(blocks, b => b.Readme == Relative(path));
        }

        Assert.Equal(15, ReadmePaths().Count());
    }

    [Fact]
    public void Readmes_TagCodeOnlyAsCsharp_NeverAsCs()
    {
        // A block tagged ```cs or ```c# would escape the snippet check.
        foreach (var path in ReadmePaths())
        {
            foreach (Match match in FenceLanguage().Matches(File.ReadAllText(path)))
            {
                var language = match.Groups[1].Value;
                Assert.True(language is not ("cs" or "c#" or "C#" or "CSharp" or "csharp-illustrative"),
                    $"{Relative(path)} has a ```{language} block; tag C# as ```csharp so the snippet tests cover it.");
            }
        }
    }
}
