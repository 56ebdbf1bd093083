using AiGovernance.Core;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.Drift;

public class DataDriftDetectorTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly DataDriftDetector _detector = new(timeProvider: Time);

    private static ColumnDriftResult Column(DataDriftReport report, string name) => report.Columns.Single(c => c.Column == name);

    [Fact]
    public async Task FitAsync_CancelledToken_StopsWithOperationCanceled() =>
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _detector.FitAsync(SyntheticDrift.Reference(800, seed: 100), cancellationToken: new CancellationToken(canceled: true)));

    [Fact]
    public async Task FitAsync_CancelledAfterTheFirstColumn_StopsBeforeTheSecond()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reports = new List<DriftProgress>();
        var progress = new ActingProgress(p =>
        {
            reports.Add(p);
            cancellation.Cancel();
        });
        var detector = new DataDriftDetector(new DataDriftOptions { MaxDegreeOfParallelism = 1 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => detector.FitAsync(SyntheticDrift.Reference(800, seed: 100), progress, cancellation.Token));

        Assert.Equal(1, Assert.Single(reports).CompletedColumns);
    }

    [Fact]
    public async Task FitAsync_InParallel_EqualsTheSequentialFit()
    {
        var data = SyntheticDrift.Reference(3_000, seed: 7);

        var parallel = await new DataDriftDetector(new DataDriftOptions { MaxDegreeOfParallelism = 4 }).FitAsync(data, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(DriftReference.Fit(data).ToJson(), parallel.ToJson());
    }

    [Fact]
    public async Task CompareAsync_FiveHundredIdsAgainstFiveHundredOtherIds_IsDrifted_NamingThePooling()
    {
        // #21 defect 6: no category in common, each seen once; the unpooled chi-squared gave p = 0.49.
        var reference = _detector.Fit(TabularData.CreateBuilder().AddCategorical("id", Ids("r", 500)).Build());
        var current = TabularData.CreateBuilder().AddCategorical("id", Ids("c", 500)).Build();

        var column = Column(await _detector.CompareAsync(reference, current, cancellationToken: TestContext.Current.CancellationToken), "id");

        Assert.Equal(DriftMethod.ChiSquared, column.Method);
        Assert.Equal(1.0, column.UnseenShare);
        Assert.True(column.PValue < 1e-100, $"p = {column.PValue}");
        Assert.True(column.DistributionDrifted);
        Assert.Contains("500 rare reference categories and 500 categories unseen in the reference pooled, 2 cells compared", column.Reason);
    }

    [Fact]
    public async Task CompareAsync_AllCurrentValuesUnseen_IsDrifted_EvenWhenTooFewForTheTest()
    {
        var reference = _detector.Fit(TabularData.CreateBuilder().AddCategorical("id", Ids("r", 3)).Build());
        var current = TabularData.CreateBuilder().AddCategorical("id", Ids("c", 2)).Build();

        var column = Column(await _detector.CompareAsync(reference, current, cancellationToken: TestContext.Current.CancellationToken), "id");

        Assert.Equal(1.0, column.PValue);
        Assert.True(column.DistributionDrifted, "every current category is new");
    }

    [Fact]
    public async Task CompareAsync_RareAndUnseenCategories_ArePooledByKind_AndMatchScipyOnThePooledTable()
    {
        var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "pooled_chi_squared.json"))).RootElement;
        string?[] Labels(int a, int b, string?[] ids) => [.. Enumerable.Repeat<string?>("A", a), .. Enumerable.Repeat<string?>("B", b), .. ids];
        var reference = _detector.Fit(TabularData.CreateBuilder().AddCategorical("c", Labels(300, 150, Ids("r", 50))).Build());
        var current = TabularData.CreateBuilder().AddCategorical("c", Labels(200, 150, Ids("n", 100))).Build();

        var column = Column(await _detector.CompareAsync(reference, current, cancellationToken: TestContext.Current.CancellationToken), "c");

        Assert.Equal(DriftMethod.ChiSquared, column.Method);
        Assert.Equal(expected.GetProperty("statistic").GetDouble(), column.Statistic, 1e-9 + 1e-7 * Math.Abs(column.Statistic));
        var p = expected.GetProperty("pvalue").GetDouble();
        Assert.Equal(p, column.PValue, 1e-9 * p + 1e-7 * p);
        Assert.Equal(100.0 / 450, column.UnseenShare, 1e-12);
        Assert.Contains("50 rare reference categories and 100 categories unseen in the reference pooled, 4 cells compared", column.Reason);
    }

    private static string?[] Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}{i}")];

    [Fact]
    public async Task CompareAsync_SmallReference_DetectsEachInjectedDrift_AndOnlyThose()
    {
        var reference = _detector.Fit(SyntheticDrift.Reference(800, seed: 100));
        var report = await _detector.CompareAsync(reference, SyntheticDrift.Drifted(600, seed: 200), cancellationToken: TestContext.Current.CancellationToken);

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "synthetic-drift-report.md"), report.ToMarkdown());

        Assert.Equal(DriftMethod.KolmogorovSmirnov, Column(report, "income").Method);
        Assert.Equal(DriftMethod.ChiSquared, Column(report, "region").Method);
        Assert.Equal(DriftMethod.TwoProportionZTest, Column(report, "member").Method);
        Assert.Equal(DriftMethod.TwoProportionZTest, Column(report, "plan").Method);
        Assert.True(Column(report, "income").DistributionDrifted, "mean shift");
        Assert.True(Column(report, "tenure").DistributionDrifted, "variance change");
        Assert.True(Column(report, "region").DistributionDrifted, "new category");
        Assert.True(Column(report, "score").MissingRateDrifted, "missing-rate jump");
        Assert.False(Column(report, "score").DistributionDrifted);
        Assert.False(Column(report, "age").IsDrifted);
        Assert.False(Column(report, "member").IsDrifted);
        Assert.False(Column(report, "plan").IsDrifted);
        Assert.Equal(7, report.ColumnCount);
        Assert.Equal(4, report.DriftedColumnCount);
        Assert.True(report.DatasetDrift);
        Assert.Equal(Time.GetUtcNow(), report.GeneratedAt);
        Assert.Contains("Kolmogorov–Smirnov", Column(report, "income").Reason, StringComparison.Ordinal);
        Assert.True(Column(report, "region").Psi > 0.1);
    }

    [Fact]
    public void Compare_LargeReference_UsesDistances()
    {
        var reference = _detector.Fit(SyntheticDrift.Reference(5000, seed: 300));
        var report = _detector.Compare(reference, SyntheticDrift.Drifted(3000, seed: 400));

        var income = Column(report, "income");
        Assert.Equal(DriftMethod.NormalizedWasserstein, income.Method);
        Assert.True(double.IsNaN(income.PValue));
        Assert.InRange(income.Statistic, 0.4, 0.6); // a 0.5 sd shift
        Assert.True(income.IsDrifted);
        Assert.Equal(DriftMethod.JensenShannon, Column(report, "region").Method);
        Assert.True(Column(report, "region").IsDrifted);
        Assert.True(Column(report, "tenure").IsDrifted);
        Assert.False(Column(report, "age").IsDrifted);
        Assert.False(Column(report, "plan").IsDrifted);
    }

    [Fact]
    public void Compare_NumbersMatchTheStatisticsPackage()
    {
        var referenceData = SyntheticDrift.Reference(800, seed: 500);
        var currentData = SyntheticDrift.Drifted(600, seed: 600);
        var report = _detector.Compare(_detector.Fit(referenceData), currentData);

        var referenceIncome = ((NumericColumn)referenceData["income"]).ToPresentValues();
        var currentIncome = ((NumericColumn)currentData["income"]).ToPresentValues();
        var ks = KolmogorovSmirnov.TwoSample(referenceIncome, currentIncome);
        var income = Column(report, "income");
        Assert.Equal(ks.Statistic, income.Statistic);
        Assert.Equal(ks.PValue, income.PValue);
        Assert.Equal(PopulationStabilityIndex.Compute(referenceIncome, currentIncome, new PsiOptions { Bins = 10 }), income.Psi, 1e-12);
        Assert.Equal(Wasserstein.NormalizedDistance(referenceIncome, currentIncome), income.NormalizedWasserstein, 1e-12);

        var raw = report.Columns.Where(c => c.Status == ColumnDriftStatus.Compared)
            .SelectMany(c => new[] { (c.Column, c.PValue, c.AdjustedPValue), (c.Column, c.MissingRatePValue, c.AdjustedMissingRatePValue) })
            .Where(t => !double.IsNaN(t.Item2)).ToArray();
        var expected = MultipleTesting.Adjust(raw.Select(t => t.Item2).ToArray(), MultipleTestingMethod.BenjaminiHochberg);
        Assert.Equal(expected, raw.Select(t => t.Item3).ToArray());
    }

    [Theory]
    [InlineData(MultipleTestingMethod.BenjaminiHochberg, 2)]
    [InlineData(MultipleTestingMethod.Holm, 2)]
    [InlineData(MultipleTestingMethod.Bonferroni, 1)]
    public void SameDistribution_FlagsNoMoreThanTheExpectedFalsePositiveRate(MultipleTestingMethod correction, int allowedRuns)
    {
        var detector = new DataDriftDetector(new DataDriftOptions { Correction = correction });
        const int runs = 40, columns = 12;
        var runsWithAnyFlag = 0;
        var flaggedColumns = 0;
        for (var run = 0; run < runs; run++)
        {
            var reference = Stable(400, columns, seed: 10_000 + run);
            var current = Stable(400, columns, seed: 20_000 + run);
            var report = detector.Compare(detector.Fit(reference), current);
            flaggedColumns += report.DriftedColumnCount;
            runsWithAnyFlag += report.DriftedColumnCount > 0 ? 1 : 0;
            Assert.False(report.DatasetDrift);
        }

        // Under the global null every correction keeps the chance of any false flag per run near 5% (2 of 40 runs).
        Assert.InRange(runsWithAnyFlag, 0, allowedRuns + 2);
        Assert.InRange(flaggedColumns / (double)(runs * columns), 0, 0.01);
    }

    [Fact]
    public void SameDistribution_WithoutCorrection_FlagsAboutAlphaPerColumn()
    {
        var detector = new DataDriftDetector(new DataDriftOptions { Correction = MultipleTestingMethod.None });
        var flagged = 0;
        const int runs = 30, columns = 12;
        for (var run = 0; run < runs; run++)
        {
            var report = detector.Compare(detector.Fit(Stable(400, columns, 30_000 + run)), Stable(400, columns, 40_000 + run));
            flagged += report.DriftedColumnCount;
        }

        // Roughly α = 5% per column (KS is conservative with discrete p-values; chi-squared is close to nominal).
        Assert.InRange(flagged / (double)(runs * columns), 0.005, 0.10);
    }

    private static TabularData Stable(int rows, int columns, int seed)
    {
        var builder = TabularData.CreateBuilder();
        for (var c = 0; c < columns - 2; c++)
        {
            builder.AddNumeric("x" + c, Synthetic.Normal(rows, c, 1 + c, seed * 31 + c));
        }

        builder.AddCategorical("c0", Synthetic.Categories(rows, ["a", "b", "c", "d"], [0.4, 0.3, 0.2, 0.1], seed * 31 + 97));
        builder.AddCategorical("c1", Synthetic.Categories(rows, ["u", "v", "w"], [0.6, 0.3, 0.1], seed * 31 + 98));
        return builder.Build();
    }

    [Fact]
    public void Compare_ColumnOnlyInCurrent_ReportedNotCounted()
    {
        var reference = _detector.Fit(TabularData.CreateBuilder().AddNumeric("a", Synthetic.Normal(100, 0, 1, 1)).Build());
        var current = TabularData.CreateBuilder().AddNumeric("a", Synthetic.Normal(100, 0, 1, 2)).AddCategorical("extra", Enumerable.Repeat<string?>("x", 100).ToArray()).Build();

        var report = _detector.Compare(reference, current);

        var extra = Column(report, "extra");
        Assert.Equal(ColumnDriftStatus.NotInReference, extra.Status);
        Assert.False(extra.IsDrifted);
        Assert.Equal(1, report.ColumnCount);
    }

    [Fact]
    public void Compare_ReferenceColumnAbsent_AllMissing_KindMismatch_ReportedAsDrifted()
    {
        var reference = _detector.Fit(TabularData.CreateBuilder()
            .AddNumeric("gone", Synthetic.Normal(50, 0, 1, 1))
            .AddNumeric("empty", Synthetic.Normal(50, 0, 1, 2))
            .AddNumeric("typed", Synthetic.Normal(50, 0, 1, 3))
            .AddNumeric("fine", Synthetic.Normal(50, 0, 1, 4))
            .Build());
        var current = TabularData.CreateBuilder()
            .AddNumeric("empty", Enumerable.Repeat(double.NaN, 40).ToArray())
            .AddCategorical("typed", Enumerable.Repeat<string?>("x", 40).ToArray())
            .AddNumeric("fine", Synthetic.Normal(40, 0, 1, 5))
            .Build();

        var report = _detector.Compare(reference, current);

        Assert.Equal(ColumnDriftStatus.MissingInCurrent, Column(report, "gone").Status);
        Assert.Equal(ColumnDriftStatus.AllMissing, Column(report, "empty").Status);
        Assert.Equal(ColumnDriftStatus.KindMismatch, Column(report, "typed").Status);
        Assert.All(new[] { "gone", "empty", "typed" }, n => Assert.True(Column(report, n).IsDrifted));
        Assert.Equal(Severity.High, report.Severity);
        Assert.Equal(3, report.DriftedColumnCount);
        Assert.Equal(0.75, report.DriftedShare);
        Assert.True(report.DatasetDrift);
    }

    [Fact]
    public void Compare_EmptyWindow_NamesArgument()
    {
        var reference = _detector.Fit(TabularData.CreateBuilder().AddNumeric("a", new double[] { 1, 2, 3 }).Build());
        var empty = TabularData.CreateBuilder().AddNumeric("a", Array.Empty<double>()).Build();
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => _detector.Compare(reference, empty)).ParamName);
    }

    [Fact]
    public void Compare_MethodOverride_IsUsedAndExplained()
    {
        var options = new DataDriftOptions();
        options.ColumnMethods["income"] = DriftMethod.NormalizedWasserstein;
        var detector = new DataDriftDetector(options);
        var report = detector.Compare(detector.Fit(SyntheticDrift.Reference(300, 1)), SyntheticDrift.Drifted(300, 2));

        var income = Column(report, "income");
        Assert.Equal(DriftMethod.NormalizedWasserstein, income.Method);
        Assert.Equal("set in options", income.Reason);
        Assert.Equal(income.NormalizedWasserstein, income.Statistic);
    }

    [Fact]
    public void Compare_OverrideUnfitForKind_Throws()
    {
        var options = new DataDriftOptions();
        options.ColumnMethods["region"] = DriftMethod.KolmogorovSmirnov;
        var detector = new DataDriftDetector(options);
        Assert.Throws<InvalidOperationException>(() => detector.Compare(detector.Fit(SyntheticDrift.Reference(100, 1)), SyntheticDrift.Drifted(100, 2)));
    }

    [Fact]
    public async Task CompareAsync_ReportsProgressPerColumn_AndHonoursCancellation()
    {
        var reference = _detector.Fit(SyntheticDrift.Reference(200, 1));
        var seen = new List<DriftProgress>();
        var progress = new SynchronousProgress(seen);

        await _detector.CompareAsync(reference, SyntheticDrift.Drifted(200, 2), progress, TestContext.Current.CancellationToken);

        Assert.Equal(7, seen.Count);
        Assert.Equal(Enumerable.Range(1, 7), seen.Select(p => p.CompletedColumns).Order());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _detector.CompareAsync(reference, SyntheticDrift.Drifted(200, 2), null, cancelled.Token));
    }

    private sealed class SynchronousProgress(List<DriftProgress> seen) : IProgress<DriftProgress>
    {
        public void Report(DriftProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }

    [Fact]
    public void Reference_JsonRoundTrip_GivesTheSameReport()
    {
        var reference = _detector.Fit(SyntheticDrift.Reference(500, 7));
        var current = SyntheticDrift.Drifted(400, 8);

        var restored = DriftReference.FromJson(reference.ToJson());

        Assert.Equal(reference.RowCount, restored.RowCount);
        Assert.Equal(reference.Columns.Select(c => c.Name), restored.Columns.Select(c => c.Name));
        Assert.Equal(_detector.Compare(reference, current).Columns, _detector.Compare(restored, current).Columns);
    }

    [Fact]
    public void Report_JsonRoundTrip_AndMarkdown()
    {
        var report = _detector.Compare(_detector.Fit(SyntheticDrift.Reference(500, 9)), SyntheticDrift.Drifted(400, 10));

        var back = DataDriftReport.FromJson(report.ToJson());

        Assert.Equal(report.Columns, back.Columns);
        Assert.Equal(report with { Columns = back.Columns }, back);
        var markdown = report.ToMarkdown();
        Assert.Contains("Dataset drift: **YES**", markdown, StringComparison.Ordinal);
        Assert.Contains("| income | Numeric | KolmogorovSmirnov |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MultipleTestingMethod.BenjaminiHochberg)]
    [InlineData(MultipleTestingMethod.Holm)]
    [InlineData(MultipleTestingMethod.Bonferroni)]
    [InlineData(MultipleTestingMethod.None)]
    public void Report_Json_CarriesTheCorrectionByName(MultipleTestingMethod correction)
    {
        // The correction used to be Monitoring's own DriftCorrection enum, with other numeric values but the same names;
        // JSON carries the name, so reports written before the move read back with the same correction.
        var report = new DataDriftDetector(new DataDriftOptions { Correction = correction })
            .Compare(_detector.Fit(SyntheticDrift.Reference(200, 13)), SyntheticDrift.Drifted(200, 14));
        var json = report.ToJson();
        Assert.Contains($"\"correction\": \"{correction}\"", json, StringComparison.Ordinal);
        Assert.Equal(correction, DataDriftReport.FromJson(json).Correction);
    }

    [Fact]
    public void Report_ToDriftEvent_CarriesMaxPsiAndSeverity()
    {
        var report = _detector.Compare(_detector.Fit(SyntheticDrift.Reference(500, 11)), SyntheticDrift.Drifted(400, 12));
        var drift = report.ToDriftEvent("credit");
        Assert.Equal(report.MaxPsi, drift.Psi);
        Assert.Equal(report.Severity, drift.Severity);
        Assert.Contains("income", drift.Summary, StringComparison.Ordinal);
    }

    /// <summary>Reports on the caller's thread and runs an action (<see cref="Progress{T}"/> would post to the pool).</summary>
    private sealed class ActingProgress(Action<DriftProgress> report) : IProgress<DriftProgress>
    {
        public void Report(DriftProgress value) => report(value);
    }
}
