using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Monitoring.Tests.Data;

public class TabularDataProperties
{
    [Property]
    public Property CategoricalFromValues_RoundTripsEveryRow(string?[] values)
    {
        var column = CategoricalColumn.FromValues("c", values);
        var same = Enumerable.Range(0, values.Length).All(i => column.GetValue(i) == values[i]);
        return (same && column.MissingCount == values.Count(v => v is null)).ToProperty();
    }

    [Property(MaxTest = 40)]
    public Property DriftReport_ShareIsDriftedOverCounted_AndPsiNonNegative(NonEmptyArray<NormalFloat> reference, NonEmptyArray<NormalFloat> current)
    {
        var detector = new DataDriftDetector();
        var fitted = detector.Fit(TabularData.CreateBuilder().AddNumeric("x", reference.Get.Select(v => v.Get).ToArray()).Build());
        var report = detector.Compare(fitted, TabularData.CreateBuilder().AddNumeric("x", current.Get.Select(v => v.Get).ToArray()).Build());
        var column = report.Columns[0];
        return (report.ColumnCount == 1
            && report.DriftedShare == (column.IsDrifted ? 1 : 0)
            && column.Psi >= 0
            && (double.IsNaN(column.PValue) || column.AdjustedPValue >= column.PValue - 1e-15)).ToProperty();
    }
}
