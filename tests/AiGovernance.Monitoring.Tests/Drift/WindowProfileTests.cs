using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;
using AiGovernance.Testing;

namespace AiGovernance.Monitoring.Tests.Drift;

public class WindowProfileTests
{
    private static readonly TabularData Reference = ColumnarDatasets.Table(6_000, 41, 3, 3, shifted: false, missing: 0.04);
    private static readonly DriftReference Fitted = DriftReference.Fit(Reference);

    [Fact]
    public void Partitions_MergedInAnyOrder_GiveTheWholeWindowsExactStatistics()
    {
        var parts = Enumerable.Range(0, 5).Select(p => ColumnarDatasets.Table(1_000 + 300 * p, 50 + p, 3, 3, shifted: true, missing: 0.06)).ToArray();
        var profiles = parts.Select(p =>
        {
            var profile = WindowProfile.Create(Fitted);
            profile.AddRows(p);
            return profile;
        }).ToArray();
        var merged = profiles.Aggregate(WindowProfile.Merge);
        var reversed = profiles.Reverse().Aggregate(WindowProfile.Merge);
        var detector = new DataDriftDetector();

        var whole = detector.Compare(Fitted, Concatenate(parts));
        var fromProfiles = detector.Compare(Fitted, merged);

        Assert.Equal(parts.Sum(p => p.RowCount), merged.RowCount);
        Assert.Equal(whole.CurrentRowCount, fromProfiles.CurrentRowCount);
        foreach (var column in whole.Columns)
        {
            var profiled = fromProfiles.Columns.Single(c => c.Column == column.Column);
            Assert.Equal(column.Psi, profiled.Psi);
            Assert.Equal(column.MissingRatePValue, profiled.MissingRatePValue);
            Assert.Equal(column.CurrentMissingRate, profiled.CurrentMissingRate);
            if (column.Kind == ColumnKind.Categorical)
            {
                Assert.Equal(column.Statistic, profiled.Statistic);
                Assert.Equal(column.JensenShannon, profiled.JensenShannon);
            }
        }

        Assert.Equal(detector.Compare(Fitted, merged).Columns.Select(c => c.Psi), detector.Compare(Fitted, reversed).Columns.Select(c => c.Psi));
    }

    [Fact]
    public void NumericColumns_AreJudgedByTheSketchsWasserstein_ExactWhileTheSketchHoldsEveryValue()
    {
        var small = ColumnarDatasets.Table(150, 60, 3, 3, shifted: true, missing: 0);
        var profile = WindowProfile.Create(Fitted, sketchK: 400);
        profile.AddRows(small);
        var detector = new DataDriftDetector();

        var fromProfile = detector.Compare(Fitted, profile).Columns.Single(c => c.Column == "n000");
        var inMemory = detector.Compare(Fitted, small).Columns.Single(c => c.Column == "n000");

        Assert.Equal(DriftMethod.NormalizedWasserstein, fromProfile.Method);
        Assert.Equal(inMemory.NormalizedWasserstein, fromProfile.NormalizedWasserstein, 12);
        Assert.Contains("exact", fromProfile.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var profile = WindowProfile.Create(Fitted);
        profile.AddRows(ColumnarDatasets.Table(500, 70, 3, 3, shifted: true, missing: 0.1));

        var back = WindowProfile.FromJson(profile.ToJson());

        Assert.Equal(profile.ToJson(), back.ToJson());
        Assert.Equal(500, back.RowCount);
    }

    [Fact]
    public void AddRow_WithAnInfinity_AddsNothing()
    {
        var profile = WindowProfile.Create(Fitted);

        var error = Assert.Throws<ArgumentException>(() => profile.AddRow([1, double.PositiveInfinity, 2], ["a", "b", "c"]));

        Assert.Contains("n001", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, profile.RowCount);
        Assert.All(profile.Columns, c => Assert.Equal(0, c.Count + c.MissingCount));
    }

    [Fact]
    public void Merge_OfProfilesOfDifferentReferences_NamesTheColumn()
    {
        var other = DriftReference.Fit(ColumnarDatasets.Table(300, 80, 3, 3, shifted: true, missing: 0));

        var error = Assert.Throws<ArgumentException>(() => WindowProfile.Merge(WindowProfile.Create(Fitted), WindowProfile.Create(other)));

        Assert.Contains("n000", error.Message, StringComparison.Ordinal);
    }

    private static TabularData Concatenate(TabularData[] parts)
    {
        var builder = TabularData.CreateBuilder();
        foreach (var column in parts[0].Columns)
        {
            if (column is NumericColumn)
            {
                builder.AddNumeric(column.Name, parts.SelectMany(p => ((NumericColumn)p[column.Name]).Values.ToArray()).ToArray());
            }
            else
            {
                builder.AddCategorical(column.Name, parts.SelectMany(p =>
                    Enumerable.Range(0, p.RowCount).Select(((CategoricalColumn)p[column.Name]).GetValue)).ToArray());
            }
        }

        return builder.Build();
    }
}
