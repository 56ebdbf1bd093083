using System.Buffers;

namespace AiGovernance.Core.Audit;

/// <summary>Streams the lines of a file as byte spans, telling complete lines from a torn (unterminated) last one.</summary>
internal static class JsonLinesReader
{
    /// <summary>A callback over one line: its bytes (without the line feed), the file offset after it, and whether a
    /// line feed terminated it. Returning <see langword="false"/> stops the scan.</summary>
    public delegate bool LineHandler(ReadOnlySpan<byte> line, long endOffset, bool terminated);

    public static void Scan(Stream stream, LineHandler handler, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
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
}
