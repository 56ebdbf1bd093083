using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;

namespace AiGovernance.Core.Tests.Audit;

internal static class AuditTestData
{
    public static AuditEvent Event(int i) => new(
        "gate.deployment.decided",
        $"reviewer-{i % 3}",
        "credit-scoring",
        Sha256Digest.Compute(BitConverter.GetBytes(i)),
        JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["i"] = i, ["note"] = $"décision № {i}", ["score"] = 0.1 * i }));

    public static async Task AppendAsync(IAuditLog log, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(Event(i), TestContext.Current.CancellationToken);
        }
    }
}
