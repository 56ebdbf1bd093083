using AiGovernance.Samples.DriftJob;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the run cleanly (exit code 130); a second one ends the process at once.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await DriftJobApp.RunAsync(args, AnsiConsole.Console, cancellation.Token);
