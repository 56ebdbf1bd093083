using System.Runtime.InteropServices;
using AiGovernance.Samples.DriftJob;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
var signal = 0;

// The first Ctrl+C (SIGINT) or SIGTERM (a scheduler stopping the job) cancels the run cleanly: nothing written, exit
// 130 or 143. A second signal is not intercepted, so it ends the process at once.
void Cancel(PosixSignalContext context, int number)
{
    if (Interlocked.CompareExchange(ref signal, number, 0) == 0)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, 2));
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, 15));

var exitCode = await DriftJobApp.RunAsync(args, AnsiConsole.Console, cancellation.Token);
return exitCode == DriftJobApp.ExitCancelled && Volatile.Read(ref signal) == 15 ? DriftJobApp.ExitTerminated : exitCode;
