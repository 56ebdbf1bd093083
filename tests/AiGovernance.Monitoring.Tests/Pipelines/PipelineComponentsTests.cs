using AiGovernance.Core.Audit;
using AiGovernance.Core.Pipelines;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Pipelines;
using AiGovernance.Monitoring.Validation;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.Pipelines;

public class PipelineComponentsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private static TabularData Data(int rows, double shift, int seed, string extraCategory = "")
    {
        var random = new Random(seed);
        var income = new double[rows];
        var age = new double[rows];
        var region = new string?[rows];
        string[] regions = ["north", "south", "east", "west"];
        for (var i = 0; i < rows; i++)
        {
            income[i] = 50_000 + (10_000 * Normal(random)) + (shift * 10_000);
            age[i] = 40 + (10 * Normal(random)) + (shift * 10);
            region[i] = extraCategory.Length > 0 && i % 3 == 0 ? extraCategory : regions[random.Next(regions.Length)];
        }

        return TabularData.CreateBuilder().AddNumeric("income", income).AddNumeric("age", age).AddCategorical("region", region).Build();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A training step that "fits" the mean income.</summary>
    private sealed class FitMeanIncome : IPipelineComponent<TabularData, double>
    {
        public string Name => "train";

        public string Version => "1";

        public ValueTask<PipelineValidationResult> ValidateInputAsync(PipelineArtifact<TabularData> input, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PipelineValidationResult.Valid);

        public ValueTask<double> ExecuteAsync(PipelineArtifact<TabularData> input, CancellationToken cancellationToken)
        {
            var column = (NumericColumn)input.Data["income"];
            double sum = 0;
            foreach (var v in column.Values.Span)
            {
                sum += v;
            }

            return ValueTask.FromResult(sum / column.Values.Length);
        }
    }

    private Pipeline<TabularData, double> Pipeline(DataSchema schema, DriftReference reference) =>
        PipelineBuilder.Create<TabularData>("train-credit")
            .Then(new DataValidationComponent(schema))
            .Then(new DriftCheckComponent(reference, new DataDriftDetector(timeProvider: _time), maximumDriftedShare: 0.0))
            .Then(new FitMeanIncome())
            .Build();

    [Fact]
    public async Task CleanData_PassesValidationAndDriftCheck_AndLineageIsRecorded()
    {
        var reference = Data(2_000, 0, seed: 1);
        // Ranges widened by half the reference's span: a new sample of the same population stays inside.
        var schema = DataSchema.Infer(reference, new SchemaInferenceOptions { RangeMargin = 0.5 });
        var log = new InMemoryAuditLog(_time);
        var source = PipelineArtifactFactory.CreateSource("loans", "2026-11", Data(2_000, 0, seed: 2), _time);

        var result = await new PipelineRunner(log, _time).RunAsync(Pipeline(schema, DriftReference.Fit(reference)), source, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailedStep?.Error);
        Assert.InRange(result.Output!.Data, 49_000, 51_000);
        var chain = await new PipelineLineage(log).TraceAsync(result.Output.Reference, TestContext.Current.CancellationToken);
        Assert.Equal(["validate-data", "drift-check", "train"], chain.Select(s => s.Component));
    }

    [Fact]
    public async Task BadData_PausesThePipelineWithTheDataQualityReport()
    {
        var reference = Data(2_000, 0, seed: 1);
        var schema = DataSchema.Infer(reference);
        var bad = Data(500, 0, seed: 3, extraCategory: "atlantis");
        var log = new InMemoryAuditLog(_time);
        var source = PipelineArtifactFactory.CreateSource("loans", "bad", bad, _time);

        var result = await new PipelineRunner(log, _time).RunAsync(Pipeline(schema, DriftReference.Fit(reference)), source, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal("validate-data", result.FailedStep!.Component);
        var quality = Assert.IsType<DataQualityException>(result.Exception);
        Assert.Contains(quality.Report.Violations, v => v.Column == "region");
        Assert.Single(result.Steps);
        Assert.Equal(PipelineEventTypes.StepFailed, log.Snapshot()[^1].EventType);
    }

    [Fact]
    public async Task DriftedTrainingData_FailsTheDriftCheck()
    {
        var reference = Data(2_000, 0, seed: 1);
        var schema = DataSchema.Infer(reference) with { Columns = [] , AllowUnexpectedColumns = true };
        var drifted = Data(2_000, 1.0, seed: 4);
        var source = PipelineArtifactFactory.CreateSource("loans", "drifted", drifted, _time);

        var result = await new PipelineRunner(new InMemoryAuditLog(_time), _time).RunAsync(Pipeline(schema, DriftReference.Fit(reference)), source, TestContext.Current.CancellationToken);

        Assert.Equal("drift-check", result.FailedStep!.Component);
        var drift = Assert.IsType<TrainingDataDriftException>(result.Exception);
        Assert.True(drift.Report.DriftedColumnCount >= 2);
        Assert.Contains(drift.Report.Columns, c => c.Column == "income" && c.IsDrifted);
    }

    [Fact]
    public void Constructors_RejectBadArguments()
    {
        var reference = DriftReference.Fit(Data(100, 0, seed: 1));
        Assert.Equal("maximumDriftedShare", Assert.Throws<ArgumentOutOfRangeException>(() => new DriftCheckComponent(reference, maximumDriftedShare: 1)).ParamName);
        Assert.Equal("schema", Assert.Throws<ArgumentNullException>(() => new DataValidationComponent(null!)).ParamName);
    }
}
