using System.Buffers;
using System.Runtime.CompilerServices;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Core.Audit;

/// <summary>An append-only audit log stored as JSON lines, one record per line, flushed to disk after every record.</summary>
/// <remarks>
/// <para>Opening an existing file verifies its chain and continues it. A torn last line (a crash in the middle of a
/// write) is reported through <see cref="RecoveredTornRecord"/> and the log, cut back to the last complete record;
/// no complete record is lost. Any other break fails closed with <see cref="AuditLogCorruptedException"/>, since
/// appending would hide tampering.</para>
/// <para>One writer per file: opening takes an exclusive lock on <c>&lt;path&gt;.lock</c> that every opener honours,
/// in this process and in any other (on Linux too, where <see cref="FileShare"/> alone is advisory), before the chain
/// is read, so the head this instance continues from cannot move under it. A second opener gets an
/// <see cref="IOException"/> naming the file and, when known, the holder's process id. The kernel releases the lock
/// when the holder exits, even when it is killed. Readers (<see cref="VerifyFileAsync"/>, <see cref="ReadAsync"/>) are
/// never blocked.</para>
/// <para>Thread-safe: appends are serialised; each is durable (fsync) before <see cref="AppendAsync"/> completes.
/// <see cref="VerifyAsync"/> re-reads the file, so edits made by another process are detected, and checks the chain
/// still reaches the head this instance wrote, so truncation is detected too.</para>
/// </remarks>
public sealed partial class FileAuditLog : IAuditLog, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private readonly JsonLinesAppendFile _file;
    private readonly ArrayBufferWriter<byte> _lineBuffer = new(512);
    private readonly Lock _headLock = new();
    private AuditCheckpoint _head;
    private bool _disposed;

    /// <summary>Opens (or creates) the log at <paramref name="path"/> and verifies what it holds.</summary>
    /// <param name="path">The file's path; its directory is created when missing.</param>
    /// <param name="timeProvider">The clock that stamps records.</param>
    /// <param name="logger">Receives a warning when a torn record is recovered.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="AuditLogCorruptedException">The stored chain is broken other than by a torn last line.</exception>
    /// <exception cref="IOException">Another writer, in this process or another, has the log open (the message names the
    /// file and, when known, the holder's process id); or the file cannot be opened.</exception>
    public FileAuditLog(string path, TimeProvider timeProvider, ILogger<FileAuditLog>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _file = JsonLinesAppendFile.Open(path, "audit log");
        Path = _file.Path;
        try
        {
            var scan = ScanChain(_file.Stream, CancellationToken.None);
            if (!scan.Result.IsValid && scan.Result.Failure != AuditChainFailure.TornRecord)
            {
                throw new AuditLogCorruptedException(scan.Result);
            }

            if (scan.Result.Failure == AuditChainFailure.TornRecord)
            {
                RecoveredTornRecord = true;
                TornBytesDiscarded = _file.Length - scan.ValidLength;
                _file.TruncateTo(scan.ValidLength);
                LogTornRecord(logger ?? NullLogger<FileAuditLog>.Instance, Path, scan.Head.Sequence, TornBytesDiscarded);
            }

            _head = scan.Head;
            _file.SeekToEnd();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Whether opening found and cut off a torn last line.</summary>
    public bool RecoveredTornRecord { get; }

    /// <summary>How many bytes of a torn last line were discarded on opening.</summary>
    public long TornBytesDiscarded { get; }

    /// <inheritdoc />
    public AuditCheckpoint Head
    {
        get
        {
            lock (_headLock)
            {
                return _head;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var record = AuditRecordFactory.Create(auditEvent, _head, _timeProvider);
            _lineBuffer.ResetWrittenCount();
            AuditChain.WriteLine(_lineBuffer, record);

            // On failure nothing of the line stays behind: the chain on disk must stay the chain in memory.
            _file.Append(_lineBuffer.WrittenSpan, flushToDisk: true);

            lock (_headLock)
            {
                _head = new AuditCheckpoint(record.Sequence, record.Hash);
            }

            return record;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        var records = new List<AuditRecord>();
        using (var reader = OpenReader(Path))
        {
            JsonLinesReader.Scan(reader, (line, _, terminated) =>
            {
                if (!terminated)
                {
                    return false;
                }

                var record = AuditChain.TryParseLine(line);
                if (record is null)
                {
                    return false;
                }

                if (record.Sequence >= fromSequence)
                {
                    records.Add(record);
                }

                return true;
            }, cancellationToken);
        }

        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    /// <inheritdoc />
    public async ValueTask<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var reader = OpenReader(Path);
            var scan = ScanChain(reader, cancellationToken);
            return scan.Result.IsValid ? scan.Verifier.Finish(_head) : scan.Result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Verifies a log file without opening it for appending.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="expectedHead">When given, the chain must end exactly there (detects truncation).</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The first break, if any; a torn last line is reported as <see cref="AuditChainFailure.TornRecord"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async ValueTask<AuditVerificationResult> VerifyFileAsync(string path, AuditCheckpoint? expectedHead = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = OpenReader(path);
        var scan = ScanChain(reader, cancellationToken);
        return scan.Result.IsValid ? scan.Verifier.Finish(expectedHead) : scan.Result;
    }

    /// <summary>Verifies a log file against a signed checkpoint: the chain must verify and pass through the
    /// checkpoint, which detects a rewrite even when every later hash was recomputed.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="checkpoint">A checkpoint signed earlier by a trusted key.</param>
    /// <param name="publicKey">The trusted public key.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The first break, if any.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> or <paramref name="publicKey"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async ValueTask<AuditVerificationResult> VerifyFileAgainstCheckpointAsync(string path, SignedAuditCheckpoint checkpoint,
        System.Security.Cryptography.ECDsa publicKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(publicKey);
        var records = new List<AuditRecord>();
        using (var reader = OpenReader(path))
        {
            var scan = ScanChain(reader, cancellationToken, records);
            if (!scan.Result.IsValid)
            {
                return scan.Result;
            }
        }

        await Task.Yield();
        return AuditChain.VerifyAgainstCheckpoint(records, checkpoint, publicKey);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _file.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static FileStream OpenReader(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);

    private static ChainScan ScanChain(Stream stream, CancellationToken cancellationToken, List<AuditRecord>? collect = null)
    {
        var verifier = new AuditChain.Verifier();
        long validLength = 0;
        var broken = false;
        JsonLinesReader.Scan(stream, (line, endOffset, terminated) =>
        {
            var record = AuditChain.TryParseLine(line);
            if (!terminated)
            {
                broken = true;
                verifier.Fail(AuditChainFailure.TornRecord,
                    $"the last line ({line.Length} bytes) is incomplete, as after a crash during a write.");
                return false;
            }

            if (record is null)
            {
                broken = true;
                verifier.Fail(AuditChainFailure.Malformed, $"the line after record {verifier.Count} is not a well-formed audit record.");
                return false;
            }

            if (!verifier.Accept(record))
            {
                broken = true;
                return false;
            }

            collect?.Add(record);
            validLength = endOffset;
            return true;
        }, cancellationToken);

        var result = broken ? verifier.Result : AuditVerificationResult.Valid(verifier.Count);
        return new ChainScan(verifier, result, validLength);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Audit log {Path} ended in a torn record after sequence {Sequence}; {Bytes} bytes were discarded and the chain continues from " +
            "there.")]
    private static partial void LogTornRecord(ILogger logger, string path, long sequence, long bytes);

    private readonly record struct ChainScan(AuditChain.Verifier Verifier, AuditVerificationResult Result, long ValidLength)
    {
        public AuditCheckpoint Head => Verifier.Head;
    }
}
