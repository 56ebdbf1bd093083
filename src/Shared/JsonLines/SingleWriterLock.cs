using System.Globalization;
using System.Text;

namespace AiGovernance.Shared;

/// <summary>Keeps every writer but one away from a file: an exclusive lock on <c>&lt;file&gt;.lock</c>, held until
/// <see cref="Dispose"/>, honoured by every opener in this process and in any other.</summary>
/// <remarks>
/// <para>Why a separate lock file: on Unix, .NET implements <see cref="FileShare.None"/> with <c>flock(LOCK_EX)</c> and
/// every other sharing mode with <c>flock(LOCK_SH)</c>, so a writer opening the data file itself with
/// <see cref="FileShare.Read"/> takes only a shared lock that a second writer shares too (both then append at their own
/// offsets). An exclusive lock on the data file would instead shut out readers (verification, analysis) as well. The
/// lock file carries the exclusive lock; the data file stays open to readers. <c>flock</c> locks belong to the open
/// file description, so two instances in one process exclude each other just as two processes do, and the kernel
/// releases the lock when the holder dies, even by <c>kill -9</c>. On Windows <see cref="FileShare.None"/> is a
/// mandatory sharing lock with the same effect.</para>
/// <para>The lock file is never deleted: unlinking it while another opener has it open would let two writers lock two
/// different files of the same name. Who holds the lock is written to <c>&lt;file&gt;.lock.holder</c> (a locked file cannot
/// be read on Unix through .NET), so a refused opener can name the holder's process; that note is best effort and
/// removed on a clean close.</para>
/// </remarks>
internal sealed class SingleWriterLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _holderPath;

    private SingleWriterLock(FileStream lockStream, string holderPath)
    {
        _lock = lockStream;
        _holderPath = holderPath;
    }

    /// <summary>The lock file's path.</summary>
    public string LockPath => _lock.Name;

    /// <summary>Takes the lock for <paramref name="path"/> or refuses at once.</summary>
    /// <param name="path">The full path of the file to be written.</param>
    /// <param name="description">What the file is, for the message ("audit log", "review log").</param>
    /// <returns>The held lock.</returns>
    /// <exception cref="IOException">Another writer holds the lock; the message names the file and, when known, the
    /// holder's process id.</exception>
    public static SingleWriterLock Acquire(string path, string description)
    {
        var lockPath = path + ".lock";
        var holderPath = lockPath + ".holder";
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new IOException(
                $"The {description} '{path}' is already open for appending by {DescribeHolder(holderPath)}; only one writer may append "
                + $"to it at a time (lock file '{lockPath}'). Stop the other writer, or give this one its own file.",
                ex);
        }

        try
        {
            WriteHolder(holderPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The note only improves a refusal message; the lock itself is held.
        }

        return new SingleWriterLock(stream, holderPath);
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_holderPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stale note is overwritten by the next holder.
        }

        _lock.Dispose();
    }

    /// <summary>The process named in the holder note, for a refusal message.</summary>
    internal static string DescribeHolder(string holderPath)
    {
        try
        {
            var text = File.ReadAllText(holderPath, Encoding.UTF8);
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("pid=", StringComparison.Ordinal)
                    && int.TryParse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    return pid == Environment.ProcessId
                        ? $"another writer in this process (pid {pid})"
                        : $"another process (pid {pid})";
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No note (the holder has not written it yet, or it was removed): say what is certain.
        }

        return "another writer";
    }

    private static void WriteHolder(string holderPath)
    {
        // Written next to the lock and moved into place, so a refused opener never reads half a note.
        var temporary = holderPath + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        var note = string.Create(CultureInfo.InvariantCulture, $"pid={Environment.ProcessId}\nmachine={Environment.MachineName}\n");
        File.WriteAllText(temporary, note, new UTF8Encoding(false));
        File.Move(temporary, holderPath, overwrite: true);
    }
}
