using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Storage.Contract;

/// <summary>Shared helpers of the store contract tests.</summary>
public static class ContractTime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh directory under the temporary folder, removed by <see cref="IDisposable.Dispose"/>.</summary>
    public sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aigov-store-" + Guid.NewGuid().ToString("N"));

        public TempDirectory() => Directory.CreateDirectory(Path);

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still hold a file for a moment; the temporary folder is cleaned by the system.
            }
        }
    }
}
