using System.Diagnostics;

namespace AiGovernance.Shared.Tests.JsonLines;

/// <summary>A second process (<c>AiGovernance.Shared.Tests.ChildWriter</c>) that opens the audit or review log, appends,
/// and holds the log until <see cref="ReleaseAsync"/> closes its standard input.</summary>
internal sealed class WriterProcess : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private WriterProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static WriterProcess Start(string kind, string path, int count)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AiGovernance.Shared.Tests.ChildWriter.dll");
        Assert.True(File.Exists(dll), $"The child writer was not copied next to the tests: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, kind, path, count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new WriterProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the child has appended its records and holds the log; fails when it exits instead.</summary>
    public async Task WaitUntilHoldingAsync()
    {
        if (!await WaitUntilHoldingOrExitedAsync())
        {
            Assert.Fail($"The child writer exited with {_process.ExitCode} instead of holding the log: {await _stderr}");
        }
    }

    /// <summary>Waits until the child holds the log (true) or has exited (false).</summary>
    public async Task<bool> WaitUntilHoldingOrExitedAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        while (await _process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("appended ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        await _process.WaitForExitAsync(deadline.Token);
        return false;
    }

    /// <summary>Waits for the child to exit on its own (it was refused, or has nothing to hold).</summary>
    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        _ = _process.StandardOutput.ReadToEndAsync(deadline.Token);
        await _process.WaitForExitAsync(deadline.Token);
        return (_process.ExitCode, await _stderr);
    }

    /// <summary>Tells a holding child to close the log and exit, and waits for it.</summary>
    public async Task<int> ReleaseAsync()
    {
        _process.StandardInput.Close();
        var (exitCode, _) = await WaitForExitAsync();
        return exitCode;
    }

    /// <summary>Ends the child at once, as <c>kill -9</c> does: no dispose, no clean-up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }
}
