using System.Text;
using System.Text.Json;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Faults;

/// <summary>A crash in the middle of writing the audit file, at every byte of the last record.</summary>
public class AuditFileCrashTests
{
    private const string Secret = "SECRET-PAYLOAD-7f3a";

    [Fact]
    public async Task FileAuditLog_TruncatedAtEveryByteOfTheLastRecord_KeepsCompleteRecordsAndContinuesAValidChain()
    {
        using var files = new TestFiles();
        var original = files.File("original.jsonl");
        const int records = 6;
        using (var log = new FileAuditLog(original, new FakeTimeProvider()))
        {
            for (var i = 0; i < records; i++)
            {
                await log.AppendAsync(new AuditEvent("model.deployed", "deployer", "sys", payload: JsonSerializer.SerializeToElement(new { i, secret = Secret })),
                    TestContext.Current.CancellationToken);
            }
        }

        var bytes = await File.ReadAllBytesAsync(original, TestContext.Current.CancellationToken);
        var lastLineStart = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        var step = Stress.Enabled ? 1 : 3;
        var faults = 0;
        for (var cut = lastLineStart + 1; cut < bytes.Length; cut += step)
        {
            var path = files.File($"cut-{cut}.jsonl");
            await File.WriteAllBytesAsync(path, bytes.AsMemory(0, cut), TestContext.Current.CancellationToken);
            var logger = new CapturingLogger<FileAuditLog>();
            using (var reopened = new FileAuditLog(path, new FakeTimeProvider(), logger))
            {
                Assert.True(reopened.RecoveredTornRecord, $"cut at {cut}");
                Assert.Equal(cut - lastLineStart, reopened.TornBytesDiscarded);
                Assert.Equal(records - 1, reopened.Head.Sequence);
                var next = await reopened.AppendAsync(new AuditEvent("model.rolled_back", "operator"), TestContext.Current.CancellationToken);
                Assert.Equal(records, next.Sequence);
                Assert.True((await reopened.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
            }

            Assert.True((await FileAuditLog.VerifyFileAsync(path, cancellationToken: TestContext.Current.CancellationToken)).IsValid);
            Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
            Assert.DoesNotContain(Secret, logger.AllText, StringComparison.Ordinal);
            File.Delete(path);
            faults++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"audit file: {faults} torn-tail crashes injected (every {step} byte(s) of the last record), all recovered");
    }

    [Fact]
    public async Task FileAuditLog_CutExactlyAtARecordBoundary_OpensWithoutRecovery()
    {
        using var files = new TestFiles();
        var path = files.File("audit.jsonl");
        using (var log = new FileAuditLog(path, new FakeTimeProvider()))
        {
            for (var i = 0; i < 4; i++)
            {
                await log.AppendAsync(new AuditEvent("e", "a"), TestContext.Current.CancellationToken);
            }
        }

        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var boundary = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        await File.WriteAllBytesAsync(path, bytes.AsMemory(0, boundary), TestContext.Current.CancellationToken);
        using var reopened = new FileAuditLog(path, new FakeTimeProvider());
        Assert.False(reopened.RecoveredTornRecord);
        Assert.Equal(3, reopened.Head.Sequence);
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("delete")]
    [InlineData("swap")]
    [InlineData("garbage-line")]
    public async Task FileAuditLog_DamagedBeforeTheTail_FailsClosedAndLeavesTheFileUntouched(string damage)
    {
        using var files = new TestFiles();
        var path = files.File("audit.jsonl");
        using (var log = new FileAuditLog(path, new FakeTimeProvider()))
        {
            for (var i = 0; i < 5; i++)
            {
                await log.AppendAsync(new AuditEvent("approval.granted", $"approver-{i}", payload: JsonSerializer.SerializeToElement(new { secret = Secret })),
                    TestContext.Current.CancellationToken);
            }
        }

        var lines = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken)).ToList();
        switch (damage)
        {
            case "edit":
                lines[2] = lines[2].Replace("approver-2", "approver-X", StringComparison.Ordinal);
                break;
            case "delete":
                lines.RemoveAt(1);
                break;
            case "swap":
                (lines[1], lines[2]) = (lines[2], lines[1]);
                break;
            default:
                lines.Insert(2, "{\"not\":\"a record\"}");
                break;
        }

        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", TestContext.Current.CancellationToken);
        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var error = Assert.Throws<AuditLogCorruptedException>(() => new FileAuditLog(path, new FakeTimeProvider()));
        Assert.False(error.Verification.IsValid);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task JsonLinesReviewLog_TruncatedMidRecord_KeepsCompleteReviewsAndAppendsAfterThem()
    {
        using var files = new TestFiles();
        var path = files.File("reviews.jsonl");
        var t0 = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        AiGovernance.Oversight.Review.ReviewRecord Review(int i) =>
            new($"case-{i}", "reviewer", AiGovernance.Oversight.Review.ReviewKind.Routed, t0, t0, t0, "deny", 0.5, "approve", 0.5, "deny");
        using (var log = new AiGovernance.Oversight.Review.JsonLinesReviewLog(path))
        {
            for (var i = 0; i < 5; i++)
            {
                await log.AppendAsync(Review(i), TestContext.Current.CancellationToken);
            }
        }

        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var lastLineStart = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        var faults = 0;
        for (var cut = lastLineStart + 1; cut < bytes.Length; cut += 7)
        {
            await File.WriteAllBytesAsync(path, bytes.AsMemory(0, cut), TestContext.Current.CancellationToken);
            using (var reopened = new AiGovernance.Oversight.Review.JsonLinesReviewLog(path))
            {
                Assert.True(reopened.RecoveredTornRecord);
                await reopened.AppendAsync(Review(99), TestContext.Current.CancellationToken);
            }

            using var check = new AiGovernance.Oversight.Review.JsonLinesReviewLog(path);
            var ids = new List<string>();
            await foreach (var r in check.ReadAsync(TestContext.Current.CancellationToken))
            {
                ids.Add(r.CaseId);
            }

            Assert.Equal(["case-0", "case-1", "case-2", "case-3", "case-99"], ids);
            faults++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"review log: {faults} torn-tail crashes injected, all recovered");
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
