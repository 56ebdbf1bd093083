using AiGovernance.Samples.DriftJob.Cli;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>Progress of the job's stages: live bars on an interactive terminal, one line per stage otherwise (a log
/// file or a test console has no use for redrawn bars).</summary>
internal abstract class JobProgress
{
    public abstract JobStep Start(string description, double maxValue);

    public static async Task RunAsync(IAnsiConsole console, Func<JobProgress, Task> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            await work(new Plain(console));
            return;
        }

        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new Live(context)));
    }

    private sealed class Live(ProgressContext context) : JobProgress
    {
        public override JobStep Start(string description, double maxValue) => new LiveStep(context.AddTask(Shown.Markup(description),
            maxValue: maxValue));
    }

    private sealed class LiveStep(ProgressTask task) : JobStep
    {
        public override void Report(double value) => task.Value = value;

        public override void Complete() => task.Value = task.MaxValue;
    }

    private sealed class Plain(IAnsiConsole console) : JobProgress
    {
        public override JobStep Start(string description, double maxValue)
        {
            console.MarkupLine($"[grey]• {Shown.Markup(description)}[/]");
            return new PlainStep();
        }
    }

    private sealed class PlainStep : JobStep
    {
        public override void Report(double value)
        {
        }

        public override void Complete()
        {
        }
    }
}

/// <summary>One stage's progress.</summary>
internal abstract class JobStep
{
    public abstract void Report(double value);

    public abstract void Complete();
}
