namespace AiGovernance.Tool.Tests;

/// <summary>Packs src/AiGovernance.Tool into a temporary folder and installs it from there into a temporary tool path,
/// once for the test class.</summary>
public sealed class InstalledToolFixture : IAsyncLifetime
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private readonly TempFolder _folder = new();

    /// <summary>The installed <c>aigov</c> executable.</summary>
    public string Command { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var project = Path.Combine(RepoRoot(), "src", "AiGovernance.Tool", "AiGovernance.Tool.csproj");
        var feed = _folder.File("feed");
        var pack = await ChildProcess.RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", feed, "-nodeReuse:false"], StepTimeout);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Stdout + pack.Stderr);
        var package = Assert.Single(Directory.GetFiles(feed, "AiGovernance.Tool.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["AiGovernance.Tool.".Length..];

        // Only the local folder: our own package must install without the machine's NuGet sources.
        var config = _folder.File("nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = _folder.File("tools");
        var install = await ChildProcess.RunAsync("dotnet",
            ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", feed, "AiGovernance.Tool", "--version", version],
            StepTimeout);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Stdout + install.Stderr);
        Command = Path.Combine(tools, OperatingSystem.IsWindows() ? "aigov.exe" : "aigov");
        Assert.True(File.Exists(Command), "The tool installed no 'aigov' command: " + string.Join(", ", Directory.GetFiles(tools)));
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string RepoRoot()
    {
        for (var at = AppContext.BaseDirectory; at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(Path.Combine(at, "AiGovernance.sln")))
            {
                return at;
            }
        }

        throw new InvalidOperationException("AiGovernance.sln not found above " + AppContext.BaseDirectory);
    }
}
