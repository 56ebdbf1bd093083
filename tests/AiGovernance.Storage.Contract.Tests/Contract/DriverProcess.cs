using System.Diagnostics;

namespace AiGovernance.Storage.Contract;

/// <summary>A running <c>AiGovernance.Storage.TestDriver</c> child process whose output lines are collected as they come.</summary>
public sealed class DriverProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _lineArrived = new(0);

    private DriverProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }

                _lineArrived.Release();
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static DriverProcess Start(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AiGovernance.Storage.TestDriver.dll");
        Assert.True(File.Exists(dll), $"The test driver was not copied next to the tests: {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var stderr = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (stderr)
                {
                    stderr.Add(line);
                }
            }
        };
        process.Start();
        return new DriverProcess(process);
    }

    /// <summary>Waits until a line matching <paramref name="predicate"/> was printed.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var match = Lines.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            if (_process.HasExited && !await _lineArrived.WaitAsync(200, TestContext.Current.CancellationToken))
            {
                throw new InvalidOperationException($"The driver exited ({_process.ExitCode}) without the expected line; it printed: {string.Join(" | ", Lines.TakeLast(5))}");
            }

            try
            {
                await _lineArrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The driver did not print the expected line within {timeout}; it printed: {string.Join(" | ", Lines.TakeLast(5))}");
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> lines matching <paramref name="predicate"/> were printed.</summary>
    public async Task WaitForCountAsync(Func<string, bool> predicate, int count, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (Lines.Count(predicate) < count)
        {
            if (_process.HasExited)
            {
                return;
            }

            await _lineArrived.WaitAsync(deadline.Token);
        }
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit();   // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL on Linux), as a crash or an OOM killer would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _lineArrived.Dispose();
    }
}
