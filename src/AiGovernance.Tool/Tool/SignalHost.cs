using System.Runtime.InteropServices;
using AiGovernance.Samples.DriftJob;

namespace AiGovernance.Tool;

/// <summary>Runs a command with Ctrl+C (SIGINT) and SIGTERM turned into cancellation: the first signal cancels the run
/// cleanly (nothing written, exit 130 or 143); a second one is not intercepted, so it ends the process at once.</summary>
internal static class SignalHost
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> run)
    {
        // Neither the token source nor the registrations are disposed: a signal that arrives after the run has finished,
        // while the process exits, must still be intercepted, or the runtime would turn a completed run's exit code into 130.
        var cancellation = new CancellationTokenSource();
        var signal = 0;

        void Cancel(PosixSignalContext context, int number)
        {
            if (Interlocked.CompareExchange(ref signal, number, 0) == 0)
            {
                context.Cancel = true;
                cancellation.Cancel();
            }
        }

        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, 2));
        var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, 15));
        var exitCode = await run(cancellation.Token);
        GC.KeepAlive(interrupt);
        GC.KeepAlive(terminate);
        return exitCode == DriftJobApp.ExitCancelled && Volatile.Read(ref signal) == 15 ? DriftJobApp.ExitTerminated : exitCode;
    }
}
