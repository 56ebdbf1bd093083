using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Oversight.Review;

/// <summary>A review log stored as JSON lines, one review per line, appended and flushed after every review.</summary>
/// <remarks>
/// <para>Thread-safe: appends are serialised, so concurrent reviewers never interleave or lose lines. With
/// <c>flushToDisk</c> (the default) each append is durable (fsync) before it completes; reviews arrive at human pace,
/// so the cost is negligible.</para>
/// <para>Opening a file whose last line is unterminated (a crash during a write) cuts that torn line off and reports it
/// through <see cref="RecoveredTornRecord"/>; no complete review is lost. Reading streams the file in fixed-size chunks,
/// so logs larger than memory can be analysed; a line that is not a complete, valid review fails the read with
/// <see cref="ReviewLogFormatException"/> naming the line.</para>
/// </remarks>
public sealed partial class JsonLinesReviewLog : IReviewLog, IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _lineBuffer = new(512);
    private readonly bool _flushToDisk;
    private bool _disposed;

    /// <summary>Opens (or creates) the log at <paramref name="path"/>.</summary>
    /// <param name="path">The file's path; its directory is created when missing.</param>
    /// <param name="flushToDisk">Whether each append waits until the record is on disk.</param>
    /// <param name="logger">Receives a warning when a torn record is cut off on opening.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be opened, for example because another log holds it.</exception>
    public JsonLinesReviewLog(string path, bool flushToDisk = true, ILogger<JsonLinesReviewLog>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _flushToDisk = flushToDisk;
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        try
        {
            var validLength = LengthOfCompleteLines(_stream);
            if (validLength < _stream.Length)
            {
                RecoveredTornRecord = true;
                var discarded = _stream.Length - validLength;
                _stream.SetLength(validLength);
                _stream.Flush(flushToDisk: true);
                OversightLog.TornReviewRecord(logger ?? NullLogger<JsonLinesReviewLog>.Instance, Path, discarded);
            }

            _stream.Seek(0, SeekOrigin.End);
        }
        catch
        {
            _stream.Dispose();
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
            var lengthBefore = _stream.Length;
            try
            {
                _stream.Write(_lineBuffer.WrittenSpan);
                _stream.Flush(_flushToDisk);
            }
            catch (IOException)
            {
                // Leave no partial line behind, so the next append starts on a line of its own.
                _stream.SetLength(lengthBefore);
                _stream.Seek(0, SeekOrigin.End);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ReviewLogFormatException">A line is not a complete, valid review.</exception>
    public async IAsyncEnumerable<ReviewRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var parsed = new List<ReviewRecord>();
        var cursor = new LineCursor();
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // Keep the unfinished line; grow only when a single line fills the whole buffer.
                    if (cursor.Start > 0)
                    {
                        Buffer.BlockCopy(buffer, cursor.Start, buffer, 0, filled - cursor.Start);
                        filled -= cursor.Start;
                        cursor.Start = 0;
                    }
                    else
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var read = await reader.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    // An unterminated tail is a record still being written (or torn by a crash): not yet part of the log.
                    yield break;
                }

                filled += read;
                parsed.Clear();
                ParseCompleteLines(buffer.AsSpan(0, filled), cursor, parsed);
                foreach (var record in parsed)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return record;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
            _stream.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void ParseCompleteLines(ReadOnlySpan<byte> filled, LineCursor cursor, List<ReviewRecord> parsed)
    {
        while (true)
        {
            var newline = filled[cursor.Start..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return;
            }

            cursor.LineNumber++;
            var line = filled.Slice(cursor.Start, newline).TrimEnd((byte)'\r');
            cursor.Start += newline + 1;
            if (!line.Trim(" \t"u8).IsEmpty)
            {
                parsed.Add(ReviewRecordJson.Parse(line, cursor.LineNumber));
            }
        }
    }

    private static long LengthOfCompleteLines(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return 0;
        }

        Span<byte> chunk = stackalloc byte[4096];
        var end = length;
        while (end > 0)
        {
            var size = (int)Math.Min(chunk.Length, end);
            stream.Seek(end - size, SeekOrigin.Begin);
            stream.ReadExactly(chunk[..size]);
            var last = chunk[..size].LastIndexOf((byte)'\n');
            if (last >= 0)
            {
                return end - size + last + 1;
            }

            end -= size;
        }

        return 0;
    }

    private sealed class LineCursor
    {
        public int Start { get; set; }

        public long LineNumber { get; set; }
    }
}
