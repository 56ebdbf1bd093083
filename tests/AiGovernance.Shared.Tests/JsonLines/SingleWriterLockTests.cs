namespace AiGovernance.Shared.Tests.JsonLines;

public sealed class SingleWriterLockTests
{
    [Fact]
    public void SecondAcquire_InTheSameProcess_IsRefused_NamingTheFileAndThisProcess()
    {
        using var folder = new TempFolder();
        var path = folder.File("log.jsonl");
        using var held = SingleWriterLock.Acquire(path, "test log");

        var refused = Assert.Throws<IOException>(() => SingleWriterLock.Acquire(path, "test log"));

        Assert.Contains($"The test log '{path}' is already open for appending", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"another writer in this process (pid {Environment.ProcessId})", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterDispose_TheLockCanBeTakenAgain()
    {
        using var folder = new TempFolder();
        var path = folder.File("log.jsonl");
        SingleWriterLock.Acquire(path, "test log").Dispose();

        using var again = SingleWriterLock.Acquire(path, "test log");

        Assert.Equal(path + ".lock", again.LockPath);
    }

    [Fact]
    public void Dispose_KeepsTheLockFile_AndRemovesTheHolderNote()
    {
        using var folder = new TempFolder();
        var path = folder.File("log.jsonl");
        var held = SingleWriterLock.Acquire(path, "test log");
        Assert.True(File.Exists(path + ".lock.holder"));

        held.Dispose();

        // Deleting the lock file could let two writers lock two files of the same name; it stays.
        Assert.True(File.Exists(path + ".lock"));
        Assert.False(File.Exists(path + ".lock.holder"));
    }

    [Fact]
    public void DescribeHolder_WithoutANote_SaysOnlyWhatIsCertain()
    {
        using var folder = new TempFolder();

        Assert.Equal("another writer", SingleWriterLock.DescribeHolder(folder.File("absent.lock.holder")));
    }

    [Fact]
    public void DescribeHolder_OfAnotherProcess_NamesItsPid()
    {
        using var folder = new TempFolder();
        var note = folder.File("log.lock.holder");
        var other = Environment.ProcessId + 1;
        File.WriteAllText(note, $"pid={other}\nmachine=m\n");

        Assert.Equal($"another process (pid {other})", SingleWriterLock.DescribeHolder(note));
    }
}
