using AiGovernance.Core;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Gates;

/// <summary>The Gates package's log messages (event ids 2000–2999; docs/telemetry.md lists every package's range).</summary>
internal static partial class GatesLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Gate {Gate} blocked system {SystemId} artifact {Digest} in {Environment}: {Summary}")]
    public static partial void Blocked(ILogger logger, GateKind gate, string systemId, Sha256Digest digest, string environment,
        IReadOnlyList<string> summary);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Gate {Gate} allowed system {SystemId} artifact {Digest} in {Environment}")]
    public static partial void Allowed(ILogger logger, GateKind gate, string systemId, Sha256Digest digest, string environment);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Gate decision observer {Observer} failed for gate {Gate} and system {SystemId}; the decision and its audit record stand")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, GateKind gate, string systemId);
}
