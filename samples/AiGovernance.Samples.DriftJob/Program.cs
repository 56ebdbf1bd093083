using AiGovernance.Samples.DriftJob;
using AiGovernance.Tool;
using Spectre.Console;

// The job is the aigov tool's drift command (src/AiGovernance.Tool); without --reference/--current it analyses the
// embedded synthetic loan-application dataset. Ctrl+C or SIGTERM cancel it cleanly: nothing written, exit 130 or 143.
return await SignalHost.RunAsync(token => DriftJobApp.RunAsync(args, AnsiConsole.Console, token));
