using Microsoft.Extensions.Logging;

namespace AiGovernance.Gates.Gating;

internal static partial class GateLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Gate {Gate} blocked system {SystemId} artifact {Digest} in {Environment}: {Summary}")]
    public static partial void Blocked(ILogger logger, GateKind gate, string systemId, AiGovernance.Core.Sha256Digest digest, string environment, IReadOnlyList<string> summary);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Gate {Gate} allowed system {SystemId} artifact {Digest} in {Environment}")]
    public static partial void Allowed(ILogger logger, GateKind gate, string systemId, AiGovernance.Core.Sha256Digest digest, string environment);
}
