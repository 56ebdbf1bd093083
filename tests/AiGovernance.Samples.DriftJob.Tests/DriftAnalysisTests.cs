using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>The analysis stages honour cancellation between columns, not only between stages.</summary>
public sealed class DriftAnalysisTests
{
    private static readonly DriftJobDataset Data = SyntheticLoanApplications.Generate(SyntheticLoanApplications.DefaultSeed, 2_000, 500);

    [Fact]
    public async Task CancelledAfterTheFirstFittedColumn_StopsFitting_AndStartsNoLaterStage()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new RecordingProgress("Fitting the reference", cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DriftAnalysis.RunAsync(Data, 0.1, TimeProvider.System, progress, cancellation.Token));

        Assert.Equal("Fitting the reference", progress.Stages[^1]);
        Assert.InRange(progress.Reports, 1, Data.Reference.Columns.Count - 1);
    }

    [Fact]
    public async Task Uncancelled_RunsEveryStage_FittingReportsEveryColumn()
    {
        var progress = new RecordingProgress(cancelAt: null, cancellation: null);

        await DriftAnalysis.RunAsync(Data, 0.1, TimeProvider.System, progress, TestContext.Current.CancellationToken);

        Assert.Equal(["Fitting the reference", "Inferring the ingestion schema", "Validating ingestion"], progress.Stages.Take(3));
        Assert.StartsWith("Comparing", progress.Stages[3], StringComparison.Ordinal);
    }

    /// <summary>Records the stages started and, at the first progress report of one stage, cancels the run.</summary>
    private sealed class RecordingProgress(string? cancelAt, CancellationTokenSource? cancellation) : JobProgress
    {
        private readonly CancellationTokenSource? _cancellation = cancellation;
        private int _reports;

        public List<string> Stages { get; } = [];

        public int Reports => Volatile.Read(ref _reports);

        public override JobStep Start(string description, double maxValue)
        {
            lock (Stages)
            {
                Stages.Add(description);
            }

            return new Step(this, description == cancelAt);
        }

        private sealed class Step(RecordingProgress owner, bool cancels) : JobStep
        {
            public override void Report(double value)
            {
                if (cancels)
                {
                    Interlocked.Increment(ref owner._reports);
                    owner._cancellation!.Cancel();
                }
            }

            public override void Complete()
            {
            }
        }
    }
}
