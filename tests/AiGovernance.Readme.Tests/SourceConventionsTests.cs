namespace AiGovernance.Readme.Tests;

/// <summary>House rules of src/ that no compiler option checks: lines of at most 150 characters, and the shared internals
/// in src/Shared staying internal.</summary>
public class SourceConventionsTests
{
    private const int MaxLineLength = 150;

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(ReadmeSnippetTests.RepoRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void EveryLineInSrc_IsAtMost150Characters()
    {
        var tooLong = new List<string>();
        foreach (var path in SourceFiles("src"))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaxLineLength)
                {
                    tooLong.Add($"{Path.GetRelativePath(ReadmeSnippetTests.RepoRoot, path)}:{i + 1} ({lines[i].Length} characters)");
                }
            }
        }

        Assert.True(tooLong.Count == 0, "Lines longer than 150 characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void SharedInternals_DeclareNoPublicType()
    {
        var offenders = SourceFiles(Path.Combine("src", "Shared"))
            .Where(p => File.ReadLines(p).Any(l => l.StartsWith("public ", StringComparison.Ordinal)))
            .Select(p => Path.GetRelativePath(ReadmeSnippetTests.RepoRoot, p))
            .ToList();

        Assert.True(offenders.Count == 0, "src/Shared types must be internal: " + string.Join(", ", offenders));
    }
}
