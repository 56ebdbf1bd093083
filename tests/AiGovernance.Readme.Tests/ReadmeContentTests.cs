using System.Text.RegularExpressions;

namespace AiGovernance.Readme.Tests;

/// <summary>What a newcomer and CI rely on in README.md: the two commands first, the test command CI runs, one install
/// line per package and links that resolve.</summary>
public partial class ReadmeContentTests
{
    private const string RunCommand = "dotnet run --project samples/AiGovernance.Samples.DriftJob -c Release";
    private const string TestCommand = "dotnet test --solution AiGovernance.sln -c Release";

    [GeneratedRegex(@"\]\(([^)#]+?)(#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    private static string Readme => File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepoRoot, "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void TheTwoCommands_ComeFirst_RunBeforeTest()
    {
        var readme = Readme;
        var firstFence = readme.IndexOf("```", StringComparison.Ordinal);
        var run = readme.IndexOf("```\n" + RunCommand + "\n```", StringComparison.Ordinal);
        var test = readme.IndexOf("```\n" + TestCommand + "\n```", StringComparison.Ordinal);

        Assert.Equal(firstFence, run);
        Assert.True(test > run, "The test command follows the main job's command.");
        Assert.True(readme.IndexOf("## Install", StringComparison.Ordinal) > test);
    }

    [Fact]
    public void TheTestCommand_IsTheOneCiRuns()
    {
        var ci = File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepoRoot, ".ci", "run"));
        Assert.Contains(TestCommand, ci, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPackage_HasAnInstallLineAndALinkedReadme()
    {
        var readme = Readme;
        var packages = Directory.GetDirectories(Path.Combine(ReadmeSnippetTests.RepoRoot, "src"), "AiGovernance.*").Select(Path.GetFileName).ToList();
        Assert.Equal(14, packages.Count);
        foreach (var package in packages)
        {
            Assert.Contains($"dotnet add package {package}\n", readme, StringComparison.Ordinal);
            Assert.Contains($"(src/{package}/README.md)", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RelativeLinks_InEveryReadme_Resolve()
    {
        foreach (var path in ReadmeSnippetTests.ReadmePaths())
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(path)))
            {
                var target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
                Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{path} links to {target}, which does not exist.");
            }
        }
    }
}
