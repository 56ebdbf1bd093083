using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Samples.DriftJob.Cli;
using AiGovernance.Samples.DriftJob.Responses;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>Sends one event per window and one for the performance trend through the <see cref="DriftResponseWorkflow"/>,
/// whose handlers print what they would do; every event and action lands in a hash-chained audit log.</summary>
internal static class DriftResponseStage
{
    public static async Task<(IReadOnlyList<ResponseRecord> Responses, AuditVerificationResult Audit)> RunAsync(
        string systemId, IReadOnlyList<WindowAnalysis> windows, TrendAnalysis? trend, TimeProvider timeProvider, IAnsiConsole console,
            CancellationToken cancellationToken,
        MultivariateAnalysis? multivariate = null, EstimationAnalysis? estimation = null)
    {
        var clock = new WindowClock(timeProvider.GetUtcNow());
        var audit = new InMemoryAuditLog(clock);
        var log = new ResponseActionLog(console);
        IDriftResponseHandler[] handlers = [new OnCallNotifier(log), new RetrainingScheduler(log), new RolloutFreezer(log)];
        var workflow = new DriftResponseWorkflow(handlers, audit, clock, new DriftSeverityPolicy(), new DriftResponseOptions { Actor = "drift-job" });

        var records = new List<ResponseRecord>();
        foreach (var window in windows)
        {
            clock.Now = window.Window.End ?? timeProvider.GetUtcNow();
            var trigger = $"window {window.Window.Name}";
            Announce(console, trigger, window.Drift.Severity.ToString());
            var result = await workflow.HandleAsync(window.Drift.ToDriftEvent(systemId), cancellationToken);
            records.Add(Finish(console, trigger, result, log));

            // The joint comparison raises its own event (kind MultivariateDrift), handled like the per-column one.
            if (multivariate?.Windows.FirstOrDefault(w => w.Name == window.Window.Name) is { } joint)
            {
                var jointTrigger = $"multivariate {window.Window.Name}";
                Announce(console, jointTrigger, joint.Report.Severity.ToString());
                var jointResult = await workflow.HandleAsync(joint.Report.ToDriftEvent(systemId), cancellationToken);
                records.Add(Finish(console, jointTrigger, jointResult, log));
            }
        }

        if (trend is { Trend.HasEnoughData: true })
        {
            var trigger = $"{trend.Series.Metric} trend";
            var driftEvent = trend.Trend.ToDriftEvent(systemId, trend.Series.Metric);
            Announce(console, trigger, null);
            var result = await workflow.HandleAsync(driftEvent, cancellationToken);
            records.Add(Finish(console, trigger, result, log));
        }

        if (estimation is { Weeks.Count: > 0 })
        {
            // The latest week's label-free estimate, with its drop at the band's edge, is an event of its own kind.
            var latest = estimation.Weeks[^1];
            clock.Now = latest.Week.End;
            var trigger = $"estimated accuracy {latest.Week.Label}";
            Announce(console, trigger, null);
            var result = await workflow.HandleAsync(latest.Estimate.ToDriftEvent(systemId, EstimatedMetric.Accuracy), cancellationToken);
            records.Add(Finish(console, trigger, result, log));
        }

        var verification = await audit.VerifyAsync(cancellationToken);
        return (records, verification);
    }

    private static void Announce(IAnsiConsole console, string trigger, string? severity) =>
        console.MarkupLine(severity is null ? $"  [bold]{Shown.Markup(trigger)}[/]" : $"  [bold]{Shown.Markup(trigger)}[/] (severity {severity})");

    private static ResponseRecord Finish(IAnsiConsole console, string trigger, DriftResponseResult result, ResponseActionLog log)
    {
        var actions = log.Drain();
        if (actions.Count == 0)
        {
            var why = result.Disposition == DriftDisposition.Suppressed
                ? "suppressed by the cool-down (already handled)"
                : $"severity {result.Plan.Severity}: recorded in the audit log, no action needed";
            console.MarkupLine($"    [grey]{Shown.Markup(why)}[/]");
        }

        return new ResponseRecord(trigger, result, actions);
    }
}
