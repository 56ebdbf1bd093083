using Microsoft.Extensions.Logging;

namespace AiGovernance.Scorecards;

/// <summary>The Scorecards package's log messages (event ids 6000–6999; docs/telemetry.md lists every package's range).</summary>
internal static partial class ScorecardsLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Scorecard of {SystemName} for {Period}: {Warning}")]
    public static partial void ScorecardWarning(ILogger logger, string systemName, string period, string warning);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Scorecard of {SystemName} for {Period}: metric source {Source} failed")]
    public static partial void MetricSourceFailed(ILogger logger, string systemName, string period, string source, Exception exception);
}
