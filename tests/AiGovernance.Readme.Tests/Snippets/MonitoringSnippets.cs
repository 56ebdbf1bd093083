using AiGovernance.Core;
using AiGovernance.Monitoring.Columnar;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Embeddings;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Monitoring/README.md.</summary>
public class MonitoringSnippets
{
    /// <summary>A stand-in for the README's paging handler.</summary>
    private sealed class PagerDutyHandler : IDriftResponseHandler
    {
        public List<string> Pages { get; } = [];

        public Severity MinimumSeverity => Severity.High;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Pages.Add($"{context.Plan.Severity}: {context.Event.Summary}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CollectingProgress : IProgress<DriftProgress>
    {
        public List<DriftProgress> Reports { get; } = [];

        public void Report(DriftProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }

    /// <summary>Loan applications: age and income numeric, region categorical; the window shifts income up.</summary>
    private static TabularData Applications(int rows, double incomeMean, int seed, double ageOffset = 0)
    {
        var age = SnippetData.Normal(rows, 42 + ageOffset, 9, seed).Select(a => Math.Clamp(Math.Round(a), 18, 90)).ToArray();
        var income = SnippetData.Normal(rows, incomeMean, 12_000, seed + 1);
        var region = Enumerable.Range(0, rows).Select(i => (i % 3) switch { 0 => "north", 1 => "south", _ => "west" }).ToArray();
        return TabularData.CreateBuilder()
            .AddNumeric("age", age)
            .AddNumeric("income", income)
            .AddCategorical("region", region)
            .Build();
    }

    [Fact]
    public async Task QuickStart()
    {
        var training = Applications(3_000, 52_000, seed: 60);
        var window = Applications(3_000, 52_000, seed: 70, ageOffset: 6);

        var detector = new DataDriftDetector();
        var reference = detector.Fit(training);                // TabularData: named numeric and categorical columns
        var report = await detector.CompareAsync(reference, window);
        foreach (var column in report.Columns.Where(c => c.IsDrifted))
        {
            Console.WriteLine($"{column.Column}: {column.Method}, PSI {column.Psi:0.000}, {column.Severity}");
        }
        // report.DatasetDrift, report.Severity, report.ToMarkdown(), report.ToJson(), report.ToDriftEvent(systemId)

        Assert.Equal(["age"], report.Columns.Where(c => c.IsDrifted).Select(c => c.Column));
        Assert.Equal("credit-scoring", report.ToDriftEvent("credit-scoring").SystemId);
        Assert.Contains("\"age\"", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void IngestionValidation()
    {
        var training = Applications(2_000, 52_000, seed: 10);
        var batch = TabularData.CreateBuilder()
            .AddNumeric("age", new double[] { 35, 151, 44 })
            .AddNumeric("income", new double[] { 48_000, 51_000, 60_000 })
            .AddCategorical("region", new string?[] { "north", "south", "west" })
            .Build();

        var error = Assert.Throws<DataQualityException>(() =>
        {
            var schema = DataSchema.Infer(training, new SchemaInferenceOptions { MaxPsi = 0.2 })
                .WithColumn("age", c => c with { Minimum = 18, Maximum = 120 });
            schema.EnsureValid(batch);   // throws DataQualityException carrying the full ValidationReport
        });

        Assert.False(error.Report.IsValid);
        Assert.Contains(error.Report.Violations, v => v.Column == "age" && v.Observed == 151 && v.Limit == 120);
    }

    [Fact]
    public async Task DataDrift()
    {
        var training = Applications(5_000, 52_000, seed: 20);
        var window = Applications(5_000, 60_000, seed: 30);
        var progress = new CollectingProgress();
        var cancellationToken = TestContext.Current.CancellationToken;

        var detector = new DataDriftDetector();
        var reference = detector.Fit(training);          // sorted columns, PSI bins, category counts; ToJson()/FromJson()
        var report = await detector.CompareAsync(reference, window, progress, cancellationToken);
        Console.WriteLine(report.ToMarkdown());

        var drifted = report.Columns.Where(c => c.IsDrifted).Select(c => c.Column).ToArray();
        Assert.Equal(["income"], drifted);
        Assert.Equal(DriftMethod.NormalizedWasserstein, report.Columns.Single(c => c.Column == "income").Method);
        Assert.False(report.DatasetDrift);                // 1 of 3 columns is below the 50 % share
        Assert.Equal(3, progress.Reports.Count);
        var roundTripped = DriftReference.FromJson(reference.ToJson());
        var again = await detector.CompareAsync(roundTripped, window, cancellationToken: cancellationToken);
        Assert.Equal(report.Columns.Select(c => c.Psi), again.Columns.Select(c => c.Psi));
    }

    /// <summary>Income and loan amount that rise together (ρ = +0.8), or move apart (ρ = −0.8): same marginals.</summary>
    private static TabularData Loans(int rows, double rho, int seed)
    {
        var a = SnippetData.Normal(rows, 0, 1, seed);
        var b = SnippetData.Normal(rows, 0, 1, seed + 1);
        var c = Math.Sqrt(1 - (rho * rho));
        return TabularData.CreateBuilder()
            .AddNumeric("income", a.Select(v => 52_000 + (12_000 * v)).ToArray())
            .AddNumeric("loan_amount", a.Zip(b, (u, v) => 18_000 + (5_000 * ((rho * u) + (c * v)))).ToArray())
            .AddNumeric("age", SnippetData.Normal(rows, 42, 9, seed + 2))
            .Build();
    }

    [Fact]
    public void MultivariateDrift()
    {
        var training = Loans(2_000, 0.8, seed: 40);
        var window = Loans(600, -0.8, seed: 50);

        var joint = new MultivariateDriftDetector();                 // PCA reconstruction, domain classifier, MMD
        var fitted = joint.Fit(training);                             // encoding, principal components, threshold from 20 reference chunks
        var result = joint.Compare(fitted, window);
        if (result.IsDrifted)
        {
            Console.WriteLine(result.Summary());                      // each method's number against its limit
            var leanedOn = result.DomainClassifier!.Importance[0];    // the column the classifier relied on most
        }
        // result.ToJson(), result.ToMarkdown(), result.ToDriftEvent(systemId) → DriftEventKind.MultivariateDrift

        Assert.True(result.Reconstruction!.IsDrifted && result.DomainClassifier!.IsDrifted);
        Assert.Contains(result.DomainClassifier.Importance[0].Column, new[] { "income", "loan_amount" });
        Assert.Equal(DriftEventKind.MultivariateDrift, result.ToDriftEvent("credit-scoring").Kind);
    }

    [Fact]
    public void EmbeddingAndTextDrift()
    {
        // Eight-dimensional stand-ins for embeddings: today's prompts lean towards the second topic.
        static IReadOnlyList<float[]> Vectors(int count, double secondTopicShare, int seed)
        {
            var noise = SnippetData.Normal(count * 8, 0, 0.3, seed);
            var random = new Random(seed);
            return [.. Enumerable.Range(0, count).Select(i =>
            {
                var topic = random.NextDouble() < secondTopicShare ? 1 : 0;
                return Enumerable.Range(0, 8).Select(k => (float)((k == topic ? 1 : 0) + noise[(i * 8) + k])).ToArray();
            })];
        }

        var referenceVectors = Vectors(400, 0.3, seed: 1);
        var todaysVectors = Vectors(400, 0.6, seed: 2);
        string?[] referencePrompts = [.. Enumerable.Range(0, 300).Select(i => $"how do I reset the password of account {i % 9}")];
        string?[] todaysPrompts = [.. Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "SELECT * FROM users; -- 🙂" : $"how do I reset the password of account {i % 9}")];

        var embeddings = new EmbeddingDriftDetector();                // MMD, domain classifier, mean-embedding distance
        var baseline = embeddings.Fit(referenceVectors);              // IReadOnlyList<float[]> of one dimension
        var embeddingReport = embeddings.Compare(baseline, todaysVectors);
        var embeddingEvent = embeddingReport.ToDriftEvent("support-bot", "prompts");   // DriftEventKind.EmbeddingDrift

        var descriptors = TextDescriptors.FromReference(referencePrompts);            // vocabulary from the reference texts
        var textDetector = new DataDriftDetector();
        var textReport = textDetector.Compare(textDetector.Fit(descriptors.Describe(referencePrompts)), descriptors.Describe(todaysPrompts));
        // columns text.length, text.oov_share, text.non_letter_share

        Assert.True(embeddingReport.IsDrifted);
        Assert.Equal(DriftEventKind.EmbeddingDrift, embeddingEvent.Kind);
        Assert.True(textReport.Columns.Single(c => c.Column == "text.oov_share").IsDrifted);
    }

    [Fact]
    public async Task LargerThanMemory()
    {
        var training = Applications(4_000, 52_000, seed: 80);
        var window = Applications(3_000, 60_000, seed: 90);
        var progress = new CollectingProgress();
        var detector = new DataDriftDetector(timeProvider: new Microsoft.Extensions.Time.Testing.FakeTimeProvider());

        var runner = new ColumnarDriftRunner(detector, new ColumnarDriftOptions { MaxMemoryBytes = 1L << 30 });
        var columnar = await runner.RunAsync(new TabularDataColumnarSource(training), new TabularDataColumnarSource(window), progress);
        // columnar.ToJson() == detector.Compare(detector.Fit(training), window).ToJson(), apart from GeneratedAt

        Assert.Equal(detector.Compare(detector.Fit(training), window).ToJson(), columnar.ToJson());
        Assert.Equal(3, progress.Reports.Count);
    }

    [Fact]
    public void WindowsInPieces()
    {
        var training = Applications(4_000, 52_000, seed: 100);
        var window = Applications(2_000, 60_000, seed: 110);
        var detector = new DataDriftDetector();
        var reference = detector.Fit(training);
        var other = WindowProfile.Create(reference);
        var otherRows = Applications(1_500, 60_000, seed: 120);
        other.AddRows(otherRows);
        var otherWorkersProfile = other.ToJson();

        var partition = WindowProfile.Create(reference);      // one per worker or replica
        partition.AddRows(window);
        var merged = WindowProfile.Merge(partition, WindowProfile.FromJson(otherWorkersProfile));
        var fromProfiles = detector.Compare(reference, merged);

        Assert.Equal(3_500, fromProfiles.CurrentRowCount);
        Assert.True(fromProfiles.Columns.Single(c => c.Column == "income").IsDrifted);
        Assert.False(fromProfiles.Columns.Single(c => c.Column == "region").IsDrifted);
    }

    [Fact]
    public async Task Registration()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AiGovernance:Monitoring:Response:CoolDown"] = "06:00:00",
        }).Build();

        services.AddAiGovernance(b => b
            .AddMonitoring(configuration.GetSection("AiGovernance:Monitoring"))
            .AddDriftResponseHandler<PagerDutyHandler>());

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TimeSpan.FromHours(6), provider.GetRequiredService<IOptions<AiGovernance.Monitoring.MonitoringOptions>>().Value.Response.CoolDown);
        var result = await provider.GetRequiredService<DriftResponseWorkflow>().HandleAsync(
            new DriftEvent { SystemId = "credit-scoring", Subject = "income", Psi = 0.27, Summary = "income PSI 0.27" },
            TestContext.Current.CancellationToken);
        var pager = (PagerDutyHandler)provider.GetServices<IDriftResponseHandler>().Single();
        Assert.Equal(["High: income PSI 0.27"], pager.Pages);
        Assert.True(result.AllSucceeded);
    }
}
