using AiGovernance.Core.Audit;
using AiGovernance.Oversight.Review;

// Usage: ChildWriter audit|review PATH COUNT
// Opens the log, appends COUNT records, prints "appended N" and holds the log open until its standard input closes
// (or a line arrives). Exit 0 after a clean close; exit 3, with the IOException's message on stderr, when the log is
// held by another writer.
if (args.Length != 3 || !int.TryParse(args[2], out var count))
{
    await Console.Error.WriteLineAsync("usage: ChildWriter audit|review PATH COUNT");
    return 2;
}

var (kind, path) = (args[0], args[1]);
IDisposable log;
try
{
    log = kind == "audit" ? new FileAuditLog(path, TimeProvider.System) : new JsonLinesReviewLog(path);
}
catch (IOException ex)
{
    await Console.Error.WriteLineAsync("refused: " + ex.Message);
    return 3;
}

using (log)
{
    await Console.Out.WriteLineAsync($"opened {Environment.ProcessId}");
    for (var i = 1; i <= count; i++)
    {
        if (log is FileAuditLog audit)
        {
            await audit.AppendAsync(new AuditEvent($"child.{Environment.ProcessId}", "child-writer", $"record-{i}"));
        }
        else
        {
            var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero).AddMinutes(i);
            await ((JsonLinesReviewLog)log).AppendAsync(new ReviewRecord(
                $"case-{Environment.ProcessId}-{i}", "reviewer", ReviewKind.Routed, at, at.AddSeconds(10), at.AddSeconds(20),
                "approve", 0.8, "approve", 0.9, "approve"));
        }
    }

    await Console.Out.WriteLineAsync($"appended {count}");
    await Console.In.ReadLineAsync();
}

return 0;
