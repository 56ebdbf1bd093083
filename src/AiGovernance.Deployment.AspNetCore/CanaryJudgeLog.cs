using Microsoft.Extensions.Logging;

namespace AiGovernance.Deployment.AspNetCore;

/// <summary>The canary judge's log messages (event ids 9800–9899; docs/telemetry.md lists every package's range).</summary>
internal static partial class CanaryJudgeLog
{
    [LoggerMessage(EventId = 9801, Level = LogLevel.Information,
        Message = "Canary judge ({Controller} {Hook}) for rollout {Rollout}: {Decision}, HTTP {Status}.")]
    public static partial void Judged(ILogger logger, string controller, string hook, string rollout, string decision, int status);

    [LoggerMessage(EventId = 9802, Level = LogLevel.Warning,
        Message = "Canary judge ({Controller} {Hook}) for rollout {Rollout} could not read the metrics; answered HTTP 503.")]
    public static partial void MetricsFailed(ILogger logger, Exception exception, string controller, string hook, string rollout);

    [LoggerMessage(EventId = 9803, Level = LogLevel.Information,
        Message = "Canary judge refused a {Controller} request: {Problem}")]
    public static partial void Invalid(ILogger logger, string controller, string problem);
}
