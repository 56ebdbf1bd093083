using AiGovernance.Monitoring.Columnar;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Parquet.Tests;

public sealed class ParquetColumnarSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aigov-parquet-tests-").FullName;

    public static TheoryData<string> Datasets => [.. ColumnarDatasets.Names];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task ParquetFiles_ColumnByColumn_GiveTheInMemoryDetectorsReport_BitForBit(string dataset)
    {
        var (reference, current, options) = ColumnarDatasets.Get(dataset);
        var detector = new DataDriftDetector(options, new DriftSeverityPolicy(), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        await TableFiles.WriteParquetAsync(reference, Path.Combine(_directory, "reference.parquet"), rowGroupRows: 1_024, Ct);
        await TableFiles.WriteParquetAsync(current, Path.Combine(_directory, "current.parquet"), rowGroupRows: 700, Ct);

        await using var referenceSource = await ParquetColumnarSource.OpenAsync(Path.Combine(_directory, "reference.parquet"), Ct);
        await using var currentSource = await ParquetColumnarSource.OpenAsync(Path.Combine(_directory, "current.parquet"), Ct);
        var actual = await new ColumnarDriftRunner(detector).RunAsync(referenceSource, currentSource, cancellationToken: Ct);

        Assert.True(referenceSource.RowGroupCount > 1 || reference.RowCount <= 1_024);
        Assert.Equal(detector.Compare(detector.Fit(reference), current).ToJson(), actual.ToJson());
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task CsvFiles_ConvertedOnFirstRead_GiveTheInMemoryDetectorsReport_BitForBit(string dataset)
    {
        var (reference, current, options) = ColumnarDatasets.Get(dataset);
        var detector = new DataDriftDetector(options, new DriftSeverityPolicy(), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        TableFiles.WriteCsv(reference, Path.Combine(_directory, "reference.csv"));
        TableFiles.WriteCsv(current, Path.Combine(_directory, "current.csv"));
        var csv = new CsvColumnarOptions { RowGroupRows = 999, TemporaryDirectory = _directory };

        DataDriftReport actual;
        await using (var referenceSource = await CsvColumnarSource.OpenAsync(Path.Combine(_directory, "reference.csv"), csv, Ct))
        await using (var currentSource = await CsvColumnarSource.OpenAsync(Path.Combine(_directory, "current.csv"), csv, Ct))
        {
            Assert.Equal(2, Directory.GetFiles(_directory, "*.parquet").Length);
            actual = await new ColumnarDriftRunner(detector).RunAsync(referenceSource, currentSource, cancellationToken: Ct);
        }

        // A column of empty cells only has no text to show it is categorical: it reads back as numeric (all missing).
        var expected = detector.Compare(detector.Fit(AsCsvReadsIt(reference)), AsCsvReadsIt(current));
        Assert.Equal(expected.ToJson(), actual.ToJson());
        Assert.Empty(Directory.GetFiles(_directory, "*.parquet"));
    }

    [Fact]
    public async Task ColumnOfAnotherType_IsAnErrorNamingFileAndColumn()
    {
        var path = Path.Combine(_directory, "dates.parquet");
        var field = new global::Parquet.Schema.DataField<DateTime>("signed_on");
        await using (var stream = File.Create(path))
        await using (var writer = await global::Parquet.ParquetWriter.CreateAsync(new global::Parquet.Schema.ParquetSchema(field), stream, cancellationToken: Ct))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>(field, new[] { DateTime.UnixEpoch }.AsMemory(), null, null, Ct);
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ParquetColumnarSource.OpenAsync(path, Ct));

        Assert.Contains("dates.parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains("signed_on", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TabularData AsCsvReadsIt(TabularData data)
    {
        var builder = TabularData.CreateBuilder();
        foreach (var column in data.Columns)
        {
            if (column is CategoricalColumn && column.MissingCount == column.Length)
            {
                builder.AddNumeric(column.Name, Enumerable.Repeat(double.NaN, column.Length).ToArray());
            }
            else
            {
                builder.AddColumn(column);
            }
        }

        return builder.Build();
    }
}
