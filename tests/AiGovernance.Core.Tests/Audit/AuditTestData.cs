using System.Text;
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

    /// <summary>Rewrites a log file's lines as an attacker or a crash would (the file may be open by a writer).</summary>
    public static void EditLines(string path, Action<List<string>> edit)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8).ToList();
        edit(lines);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
    }

    public static async Task AppendAsync(IAuditLog log, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(Event(i), TestContext.Current.CancellationToken);
        }
    }
}
