using Microsoft.Extensions.Logging;

namespace AiGovernance.Oversight;

/// <summary>The oversight package's log messages (event ids 5000–5999; docs/telemetry.md lists every package's range).</summary>
internal static partial class OversightLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Review log {Path} ended in a torn record; {Bytes} bytes were discarded and the log continues from the last complete review.")]
    public static partial void TornReviewRecord(ILogger logger, string path, long bytes);
}
