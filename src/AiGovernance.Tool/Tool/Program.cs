using Spectre.Console;

namespace AiGovernance.Tool;

/// <summary>The <c>aigov</c> command's entry point.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) =>
        SignalHost.RunAsync(token => AigovApp.RunAsync(args, AnsiConsole.Console, token));
}
