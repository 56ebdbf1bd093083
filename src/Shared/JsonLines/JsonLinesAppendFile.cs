namespace AiGovernance.Shared;

/// <summary>A JSON-lines file opened by its single writer: the exclusive <see cref="SingleWriterLock"/> is taken before
/// anything is read, so what the owner reads at opening (its head, its torn tail) is what it goes on appending to.</summary>
/// <remarks>
/// <para>Not thread-safe: the owning log serialises calls. Readers elsewhere (verification, analysis) open the file
/// for reading with <see cref="FileShare.ReadWrite"/> and are never blocked.</para>
/// <para><see cref="Append"/> either adds the whole line or, when the write fails, cuts the file back to where it
/// was, so the next append starts a line of its own.</para>
/// </remarks>
internal sealed class JsonLinesAppendFile : IDisposable
{
    private readonly SingleWriterLock _lock;
    private readonly FileStream _stream;

    private JsonLinesAppendFile(string path, SingleWriterLock writerLock, FileStream stream)
    {
        Path = path;
        _lock = writerLock;
        _stream = stream;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file opened for reading and writing; the owner scans it through this stream at opening.</summary>
    public Stream Stream => _stream;

    /// <summary>The file's length in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>Opens (or creates) <paramref name="path"/> for appending, creating its directory when missing.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="description">What the file is, for messages ("audit log").</param>
    /// <returns>The open file, positioned at its start.</returns>
    /// <exception cref="IOException">Another writer, in this process or another, has the file open; or the file
    /// cannot be opened.</exception>
    public static JsonLinesAppendFile Open(string path, string description)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var writerLock = SingleWriterLock.Acquire(full, description);
        try
        {
            // FileShare.Read: on Windows this alone refuses a second writer; on Unix the lock file does.
            var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
            return new JsonLinesAppendFile(full, writerLock, stream);
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>Cuts the file back to <paramref name="length"/> bytes (a torn last line), durably, and moves to the end.</summary>
    /// <param name="length">The length of the complete lines.</param>
    public void TruncateTo(long length)
    {
        _stream.SetLength(length);
        _stream.Flush(flushToDisk: true);
        SeekToEnd();
    }

    /// <summary>Positions the stream at the end, where the next line goes.</summary>
    public void SeekToEnd() => _stream.Seek(0, SeekOrigin.End);

    /// <summary>Appends one complete line (its bytes must end with a line feed).</summary>
    /// <param name="line">The line, line feed included.</param>
    /// <param name="flushToDisk">Whether to wait until the line is on disk (fsync).</param>
    /// <exception cref="IOException">The write failed; nothing of the line is left in the file.</exception>
    public void Append(ReadOnlySpan<byte> line, bool flushToDisk)
    {
        var lengthBefore = _stream.Length;
        try
        {
            _stream.Write(line);
            _stream.Flush(flushToDisk);
        }
        catch (IOException)
        {
            // Leave no partial line behind: what is on disk stays what the owner believes it wrote.
            _stream.SetLength(lengthBefore);
            SeekToEnd();
            throw;
        }
    }

    /// <summary>Closes the file and releases the writer lock.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        _lock.Dispose();
    }
}
