using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiGovernance.Samples.GatedService.Tests;

/// <summary>The built sample as its own process on a free loopback port (Development environment), as a user starts it.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Id => _process.Id;

    public int Port { get; }

    public HttpClient Client { get; }

    public static ServiceProcess Start(string dataDirectory, int? port = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AiGovernance.Samples.GatedService.dll");
        Assert.True(File.Exists(dll), $"The sample was not copied next to the tests: {dll}");
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[]
        {
            dll, "--contentRoot", AppContext.BaseDirectory, "--environment", "Development",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{chosen}", $"--GatedService:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return new ServiceProcess(Process.Start(start)!, chosen);
    }

    /// <summary>Waits until the service answers (the start-up gate has decided); fails if it exits first.</summary>
    public async Task WaitUntilServingAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The service exited with {_process.ExitCode}: {await _stderr}");
            }

            try
            {
                using var response = await Client.GetAsync("/rollout", deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Waits for the process to exit on its own.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitForExitAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return (_process.ExitCode, await _stdout, await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
