namespace AiGovernance.Shared.Tests.Conventions;

/// <summary>House rules of <c>src/</c> that no analyzer checks (the naming rules are .editorconfig warnings, errors in the
/// build of every src project).</summary>
public sealed class SourceConventionsTests
{
    private const int MaximumLineLength = 150;

    [Fact]
    public void SourceLines_AreAtMost150Characters()
    {
        var tooLong = new List<string>();
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaximumLineLength)
                {
                    tooLong.Add($"{Path.GetRelativePath(RepositoryRoot(), file)}:{i + 1} ({lines[i].Length} characters)");
                }
            }
        }

        Assert.True(tooLong.Count == 0, "Lines longer than 150 characters in src/:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void SourceFiles_HoldNoTodoOrNotImplemented()
    {
        string[] banned = ["TODO", "FIXME", "NotImplementedException"];
        var found = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => banned.Any(b => l.line.Contains(b, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(RepositoryRoot(), l.file)}:{l.number}")
            .ToList();

        Assert.True(found.Count == 0, "TODO/FIXME/NotImplementedException in src/:\n" + string.Join("\n", found));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiGovernance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AiGovernance.sln above {AppContext.BaseDirectory}.");
    }
}
