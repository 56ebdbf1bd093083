using System.Buffers;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Oversight.Review;

/// <summary>A review log stored as JSON lines, one review per line, appended and flushed after every review.</summary>
/// <remarks>
/// <para>Thread-safe: appends are serialised, so concurrent reviewers never interleave or lose lines. With
/// <c>flushToDisk</c> (the default) each append is durable (fsync) before it completes; reviews arrive at human pace,
/// so the cost is negligible.</para>
/// <para>One writer per file: opening takes an exclusive lock on <c>&lt;path&gt;.lock</c> that every opener honours, in
/// this process and in any other (on Linux too, where <see cref="FileShare"/> alone is advisory); a second opener gets an
/// <see cref="IOException"/> naming the file and, when known, the holder's process id. Readers are never blocked.</para>
/// <para>Opening a file whose last line is unterminated (a crash during a write) cuts that torn line off and reports it
/// through <see cref="RecoveredTornRecord"/>; no complete review is lost. Reading streams the file in fixed-size chunks,
/// so logs larger than memory can be analysed; a line that is not a complete, valid review fails the read with
/// <see cref="ReviewLogFormatException"/> naming the line.</para>
/// </remarks>
public sealed partial class JsonLinesReviewLog : IReviewLog, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly JsonLinesAppendFile _file;
    private readonly ArrayBufferWriter<byte> _lineBuffer = new(512);
    private readonly bool _flushToDisk;
    private bool _disposed;

    /// <summary>Opens (or creates) the log at <paramref name="path"/>.</summary>
    /// <param name="path">The file's path; its directory is created when missing.</param>
    /// <param name="flushToDisk">Whether each append waits until the record is on disk.</param>
    /// <param name="logger">Receives a warning when a torn record is cut off on opening.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">Another writer, in this process or another, has the log open (the message names the
    /// file and, when known, the holder's process id); or the file cannot be opened.</exception>
    public JsonLinesReviewLog(string path, bool flushToDisk = true, ILogger<JsonLinesReviewLog>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _flushToDisk = flushToDisk;
        _file = JsonLinesAppendFile.Open(path, "review log");
        Path = _file.Path;
        try
        {
            var validLength = JsonLinesReader.LengthOfCompleteLines(_file.Stream);
            if (validLength < _file.Length)
            {
                RecoveredTornRecord = true;
                var discarded = _file.Length - validLength;
                _file.TruncateTo(validLength);
                OversightLog.TornReviewRecord(logger ?? NullLogger<JsonLinesReviewLog>.Instance, Path, discarded);
            }

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

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The log is disposed.</exception>
    public async ValueTask AppendAsync(ReviewRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _lineBuffer.ResetWrittenCount();
            ReviewRecordJson.WriteLine(_lineBuffer, record);

            // On failure nothing of the line stays behind, so the next append starts on a line of its own.
            _file.Append(_lineBuffer.WrittenSpan, _flushToDisk);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ReviewLogFormatException">A line is not a complete, valid review.</exception>
    public IAsyncEnumerable<ReviewRecord> ReadAsync(CancellationToken cancellationToken = default) =>
        JsonLinesReader.ReadAsync<ReviewRecord>(Path, ParseLine, cancellationToken);

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

    private static bool ParseLine(ReadOnlySpan<byte> line, long lineNumber, out ReviewRecord record)
    {
        if (line.Trim(" \t"u8).IsEmpty)
        {
            record = null!;
            return false;
        }

        record = ReviewRecordJson.Parse(line, lineNumber);
        return true;
    }
}
