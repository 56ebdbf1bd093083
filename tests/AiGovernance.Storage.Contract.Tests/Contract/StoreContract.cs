namespace AiGovernance.Storage.Contract;

/// <summary>The base of every store contract: a hook to prepare storage before each test and one to remove it after.</summary>
public abstract class StoreContract : IAsyncLifetime
{
    /// <summary>Prepares storage (for example a fresh database) before each test.</summary>
    protected virtual ValueTask PrepareAsync() => ValueTask.CompletedTask;

    /// <summary>Removes what <see cref="PrepareAsync"/> and the test created.</summary>
    protected virtual ValueTask CleanupAsync() => ValueTask.CompletedTask;

    public ValueTask InitializeAsync() => PrepareAsync();

    public async ValueTask DisposeAsync()
    {
        await CleanupAsync();
        GC.SuppressFinalize(this);
    }
}
