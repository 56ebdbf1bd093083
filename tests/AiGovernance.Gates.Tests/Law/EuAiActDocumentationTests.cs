using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Tests.Law;

/// <summary>docs/eu-ai-act.md must list every provision the classifier models, so the documentation cannot fall behind the
/// provision table.</summary>
public class EuAiActDocumentationTests
{
    private static string Docs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "eu-ai-act.md");
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln")))
            {
                return File.ReadAllText(path);
            }
        }

        throw new InvalidOperationException("AiGovernance.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Docs_ListEveryProvisionOfTheAmendedLaw_AsATableRow()
    {
        var docs = Docs();
        foreach (var provision in EuAiActLaw.Resolve(UnconfirmedAmendmentPolicy.Include).Provisions)
        {
            Assert.True(docs.Contains("| " + provision.Id + " |", StringComparison.Ordinal), $"docs/eu-ai-act.md has no row for {provision.Id}");
        }
    }
}
