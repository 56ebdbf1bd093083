using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiGovernance.Deployment.AspNetCore;

/// <summary>The canary judge's meter and activity source, <see cref="MeterName"/>.</summary>
/// <remarks>Instrument: <c>aigovernance.deployment.judge.answers</c> (<c>{answer}</c>, tags <c>controller</c>, <c>hook</c>,
/// <c>decision</c> — the canary decision, or <c>invalid</c> / <c>metrics_unavailable</c>). Activity
/// <c>canary_judge</c> per request with the rollout, the decision and the HTTP status as attributes.</remarks>
public sealed class CanaryJudgeTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string MeterName = "AiGovernance.Deployment.AspNetCore";

    internal static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Counter<long> _answers;

    internal CanaryJudgeTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _answers = meterFactory.Create(new MeterOptions(MeterName)).CreateCounter<long>("aigovernance.deployment.judge.answers", "{answer}",
            "Answers of the canary judge to rollout controllers, tagged controller, hook and decision.");
    }

    internal void RecordAnswer(string controller, string hook, string decision) =>
        _answers.Add(1, new KeyValuePair<string, object?>("controller", controller), new KeyValuePair<string, object?>("hook", hook),
            new KeyValuePair<string, object?>("decision", decision));
}
