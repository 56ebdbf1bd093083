using System.Buffers;
using System.Runtime.CompilerServices;

namespace AiGovernance.Shared;

/// <summary>Streams the lines of a file as byte spans, telling complete lines from a torn (unterminated) last one.</summary>
/// <remarks>Reads in 64 KiB chunks, growing the buffer only for a line longer than it, so files larger than memory can be
/// read. Shared by the audit log (Core) and the review log (Oversight).</remarks>
internal static class JsonLinesReader
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Parses one complete line (without its line feed and a trailing carriage return); returns
    /// <see langword="false"/> to skip it.</summary>
    public delegate bool LineParser<T>(ReadOnlySpan<byte> line, long lineNumber, out T value);

    /// <summary>A callback over one line: its bytes (without the line feed), the file offset after it, and whether a
    /// line feed terminated it. Returning <see langword="false"/> stops the scan.</summary>
    public delegate bool LineHandler(ReadOnlySpan<byte> line, long endOffset, bool terminated);

    public static void Scan(Stream stream, LineHandler handler, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var start = 0;
            var filled = 0;
            long consumedOffset = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (filled == buffer.Length)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                        filled -= start;
                        start = 0;
                    }
                    else
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    if (filled > start)
                    {
                        handler(buffer.AsSpan(start, filled - start), consumedOffset + (filled - start), terminated: false);
                    }

                    return;
                }

                filled += read;
                while (true)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    consumedOffset += newline + 1;
                    if (!handler(buffer.AsSpan(start, newline), consumedOffset, terminated: true))
                    {
                        return;
                    }

                    start += newline + 1;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads every complete line of the file at <paramref name="path"/> (opened for reading only, sharing
    /// read and write with an appender) and yields what <paramref name="parse"/> makes of it. An unterminated last line
    /// is a record still being written (or torn by a crash) and is not part of the file yet.</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(string path, LineParser<T> parse,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var parsed = new List<T>();
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
                    yield break;
                }

                filled += read;
                parsed.Clear();
                ParseCompleteLines(buffer.AsSpan(0, filled), cursor, parse, parsed);
                foreach (var value in parsed)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return value;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The length of the file's complete lines: everything up to and including its last line feed.</summary>
    /// <remarks>Reads backwards from the end in 4 KiB steps, so a long log is not scanned to find a torn tail.</remarks>
    public static long LengthOfCompleteLines(Stream stream)
    {
        var length = stream.Length;
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

    private static void ParseCompleteLines<T>(ReadOnlySpan<byte> filled, LineCursor cursor, LineParser<T> parse, List<T> parsed)
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
            if (parse(line, cursor.LineNumber, out var value))
            {
                parsed.Add(value);
            }
        }
    }

    private sealed class LineCursor
    {
        public int Start { get; set; }

        public long LineNumber { get; set; }
    }
}
