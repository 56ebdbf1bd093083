using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Pipelines;

public record Dataset(double[] Values);

public record Model(double Mean);

[JsonSerializable(typeof(Dataset))]
[JsonSerializable(typeof(Model))]
internal sealed partial class PipelineTestJson : JsonSerializerContext;

/// <summary>Parses comma-separated numbers; refuses empty input.</summary>
public sealed class ParseComponent : IPipelineComponent<byte[], Dataset>
{
    public string Name => "parse";

    public string Version => "1.2.0";

    public JsonTypeInfo<Dataset>? OutputTypeInfo => PipelineTestJson.Default.Dataset;

    public ValueTask<PipelineValidationResult> ValidateInputAsync(PipelineArtifact<byte[]> input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(input.Data.Length == 0 ? PipelineValidationResult.Invalid("the file is empty") : PipelineValidationResult.Valid);

    public ValueTask<Dataset> ExecuteAsync(PipelineArtifact<byte[]> input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Dataset([.. Encoding.UTF8.GetString(input.Data).Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))]));
}

/// <summary>"Trains" a mean model; throws on a poisoned value to simulate a training failure.</summary>
public sealed class TrainComponent(TimeProvider? time = null) : IPipelineComponent<Dataset, Model>
{
    public string Name => "train";

    public string Version => "3.0.1";

    public JsonTypeInfo<Model>? OutputTypeInfo => PipelineTestJson.Default.Model;

    public ValueTask<PipelineValidationResult> ValidateInputAsync(PipelineArtifact<Dataset> input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PipelineValidationResult.Valid);

    public async ValueTask<Model> ExecuteAsync(PipelineArtifact<Dataset> input, CancellationToken cancellationToken)
    {
        if (time is not null)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), time, cancellationToken);
        }

        if (input.Data.Values.Contains(-999))
        {
            throw new InvalidOperationException("training diverged");
        }

        return new Model(input.Data.Values.Average());
    }
}

/// <summary>Scores the model; output has no type info, so it is versioned by run rather than by digest.</summary>
public sealed class EvaluateComponent : IPipelineComponent<Model, string>
{
    public string Name => "evaluate";

    public string Version => "0.9";

    public ValueTask<PipelineValidationResult> ValidateInputAsync(PipelineArtifact<Model> input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PipelineValidationResult.Valid);

    public ValueTask<string> ExecuteAsync(PipelineArtifact<Model> input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(input.Data.Mean > 2 ? "go" : "no-go");
}

public class PipelineRunnerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    // Type safety is a compile-time property: PipelineBuilder.Create<byte[]>("p").Then(new TrainComponent()) does not
    // compile (CS1503: IPipelineComponent<Dataset, Model> is not IPipelineComponent<byte[], TNext>), so a mismatched
    // chain can never reach the runner. The test below shows the well-typed chain and its types.
    private static Pipeline<byte[], string> ThreeStepPipeline(TrainComponent? train = null) =>
        PipelineBuilder.Create<byte[]>("train-credit")
            .Then(new ParseComponent())
            .Then(train ?? new TrainComponent())
            .Then(new EvaluateComponent())
            .Build();

    [Fact]
    public async Task Run_ThreeComponents_ProducesArtifactWithLineageTheQueryReconstructs()
    {
        var log = new InMemoryAuditLog(_time);
        var source = PipelineArtifactFactory.CreateSource("loans.csv", "2026-11", "1,2,3,6"u8.ToArray(), _time);
        var result = await new PipelineRunner(log, _time).RunAsync(ThreeStepPipeline(), source, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var output = result.EnsureSucceeded();
        Assert.Equal("go", output.Data);
        Assert.Equal(["parse", "train", "evaluate"], result.Steps.Select(s => s.Component));
        Assert.Equal(Sha256Digest.Compute("1,2,3,6"u8), source.Digest);
        var model = result.Steps[1].Output!;
        Assert.Equal(Sha256Digest.Compute(JsonSerializer.SerializeToUtf8Bytes(new Model(3), PipelineTestJson.Default.Model)), model.Digest);
        Assert.StartsWith("3.0.1+sha256.", model.Version, StringComparison.Ordinal);
        Assert.Equal($"0.9+run.{result.RunId}", output.Version);
        Assert.Equal([result.Steps[1].Output!], output.Inputs);

        var chain = await new PipelineLineage(log).TraceAsync(output.Reference, TestContext.Current.CancellationToken);
        Assert.Equal(["parse", "train", "evaluate"], chain.Select(s => s.Component));
        Assert.Equal(source.Reference, chain[0].Input);
        Assert.Equal(["1.2.0", "3.0.1", "0.9"], chain.Select(s => s.ComponentVersion));
        Assert.All(chain, s => Assert.Equal(result.RunId, s.RunId));
        Assert.Equal([1L, 2L, 3L], chain.Select(s => s.AuditSequence));
        Assert.True((await log.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);

        var modelLineage = await new PipelineLineage(log).TraceAsync(model, TestContext.Current.CancellationToken);
        Assert.Equal(["parse", "train"], modelLineage.Select(s => s.Component));
    }

    [Fact]
    public async Task Run_MiddleComponentThrows_StopsNamesItAndRecordsWhatRan()
    {
        var log = new InMemoryAuditLog(_time);
        var source = PipelineArtifactFactory.CreateSource("loans.csv", "bad", "1,-999"u8.ToArray(), _time);
        var result = await new PipelineRunner(log, _time).RunAsync(ThreeStepPipeline(), source, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Steps.Count);
        Assert.Equal("train", result.FailedStep!.Component);
        Assert.Equal(PipelineFailureKind.Execution, result.FailedStep.Failure);
        Assert.Contains("training diverged", result.FailedStep.Error, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(result.Exception);
        var ex = Assert.Throws<PipelineFailedException>(() => result.EnsureSucceeded());
        Assert.Contains("'train'", ex.Message, StringComparison.Ordinal);

        var records = log.Snapshot();
        Assert.Equal([PipelineEventTypes.StepCompleted, PipelineEventTypes.StepFailed], records.Select(r => r.EventType));
        Assert.Equal("train", records[1].Payload!.Value.GetProperty("component").GetString());
        Assert.Equal("Execution", records[1].Payload!.Value.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task Run_InputRefused_IsAnInputValidationFailureNotAnExecutionFailure()
    {
        var log = new InMemoryAuditLog(_time);
        var source = PipelineArtifactFactory.CreateSource("loans.csv", "empty", Array.Empty<byte>(), _time);
        var result = await new PipelineRunner(log, _time).RunAsync(ThreeStepPipeline(), source, TestContext.Current.CancellationToken);

        Assert.Equal(PipelineFailureKind.InputValidation, result.FailedStep!.Failure);
        Assert.Equal("parse", result.FailedStep.Component);
        Assert.Equal("the file is empty", result.FailedStep.Error);
        Assert.Null(result.Exception);
        Assert.Single(log.Snapshot());
    }

    [Fact]
    public async Task Run_Cancelled_RecordsCancellationAndThrows()
    {
        var log = new InMemoryAuditLog(_time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var source = PipelineArtifactFactory.CreateSource("loans.csv", "1", "1,2"u8.ToArray(), _time);
        var run = new PipelineRunner(log, _time).RunAsync(ThreeStepPipeline(new TrainComponent(_time)), source, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var records = log.Snapshot();
        Assert.Equal(PipelineEventTypes.RunCancelled, records[^1].EventType);
        Assert.Equal("train", records[^1].Payload!.Value.GetProperty("component").GetString());
    }

    [Fact]
    public void Builder_DuplicateComponentNameOrEmptyPipeline_Rejected()
    {
        var builder = PipelineBuilder.Create<byte[]>("p").Then(new ParseComponent());
        Assert.Throws<InvalidOperationException>(() => PipelineBuilder.Create<byte[]>("p").Build());
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => PipelineBuilder.Create<byte[]>(" ")).ParamName);
        Assert.Equal(["parse"], builder.Build().Components);
    }

    [Fact]
    public async Task Lineage_UnknownArtifact_IsEmpty()
    {
        var log = new InMemoryAuditLog(_time);
        var chain = await new PipelineLineage(log).TraceAsync(new ArtifactReference("x", "1", default), TestContext.Current.CancellationToken);
        Assert.Empty(chain);
    }

    [Fact]
    public async Task AddPipelines_ResolvesRunnerLineageAndComponents_Once()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddPipelines().AddPipelineComponent<byte[], Dataset, ParseComponent>());
        services.AddAiGovernance(b => b.AddPipelines().AddPipelineComponent<byte[], Dataset, ParseComponent>());
        Assert.Single(services, d => d.ServiceType == typeof(PipelineRunner));
        Assert.Single(services, d => d.ServiceType == typeof(IPipelineComponent<byte[], Dataset>));

        await using var provider = services.BuildServiceProvider();
        var parse = provider.GetRequiredService<IPipelineComponent<byte[], Dataset>>();
        var pipeline = PipelineBuilder.Create<byte[]>("di").Then(parse).Build();
        var source = PipelineArtifactFactory.CreateSource("in", "1", "4,5"u8.ToArray(), TimeProvider.System);
        var result = await provider.GetRequiredService<PipelineRunner>().RunAsync(pipeline, source, TestContext.Current.CancellationToken);
        Assert.Equal([4d, 5d], result.EnsureSucceeded().Data.Values);
        Assert.Single(await provider.GetRequiredService<PipelineLineage>().TraceAsync(result.Output!.Reference, TestContext.Current.CancellationToken));
    }
}
