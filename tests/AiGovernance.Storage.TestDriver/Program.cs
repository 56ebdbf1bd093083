using System.Globalization;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Storage.PostgreSql;
using AiGovernance.Storage.PostgreSql.Stores;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;

// Usage:
//   append   <sqlite|postgresql> <connection> <count> <parallelism>   appends, printing "ack <sequence>" after each commit
//   rollout  <sqlite|postgresql> <connection> <rollout> <instance> <lease-seconds> <command>
//            command: start-rollback-wait | evaluate | hold
// Every line is flushed at once, so a parent that kills this process knows exactly what was acknowledged.
var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
var provider = args[1];
var connection = args[2];
var time = TimeProvider.System;
await using var stores = Stores.Open(provider, connection, time);
await stores.InitializeAsync();   // schema and connection ready before any lease or timing starts

switch (args[0])
{
    case "append":
    {
        var count = int.Parse(args[3], CultureInfo.InvariantCulture);
        var parallelism = int.Parse(args[4], CultureInfo.InvariantCulture);
        var pid = Environment.ProcessId;
        var next = 0;
        var writers = Enumerable.Range(0, parallelism).Select(async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i > count)
                {
                    return;
                }

                using var payload = JsonDocument.Parse($$"""{"pid":{{pid}},"i":{{i}}}""");
                var record = await stores.Audit.AppendAsync(new AuditEvent("test.append", "driver-" + pid, payload: payload.RootElement));
                lock (stdout)
                {
                    stdout.WriteLine("ack " + record.Sequence.ToString(CultureInfo.InvariantCulture));
                }
            }
        });
        await Task.WhenAll(writers);
        return 0;
    }

    case "rollout":
    {
        var plan = RolloutPlan.Create(args[3], [new RolloutStage(0.1, TimeSpan.Zero, 0), new RolloutStage(1.0, TimeSpan.Zero, 0)]);
        var target = new PrintingTarget(stdout);
        var controller = new RolloutController(plan, target, new CanaryRecorder(), new InMemoryAuditLog(time), time,
            stateStore: stores.Rollouts, instanceId: args[4], leaseDuration: TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture)));
        switch (args[6])
        {
            case "start-rollback-wait":
                await controller.StartCanaryAsync("shadow passed");
                var status = await controller.RollBackAsync("error spike");
                stdout.WriteLine("state " + status.State);
                await Task.Delay(Timeout.Infinite);
                return 0;
            case "evaluate":
                var evaluated = await controller.EvaluateAsync();
                var started = await controller.StartCanaryAsync("try again");
                stdout.WriteLine($"state {evaluated.State} {started.State} lease {controller.HoldsLease}");
                return 0;
            case "hold":
                await controller.StartCanaryAsync("shadow passed");
                stdout.WriteLine("holding " + controller.HoldsLease);
                controller.StartMonitoring(TimeSpan.FromMilliseconds(200));
                await Task.Delay(Timeout.Infinite);
                return 0;
        }

        return 2;
    }

    default:
        return 2;
}

internal sealed class PrintingTarget(StreamWriter output) : IDeploymentTarget
{
    public ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken)
    {
        output.WriteLine("traffic " + candidateFraction.ToString(CultureInfo.InvariantCulture));
        return ValueTask.CompletedTask;
    }

    public ValueTask RollBackAsync(string reason, CancellationToken cancellationToken)
    {
        output.WriteLine("rollback");
        return ValueTask.CompletedTask;
    }
}

internal sealed class Stores : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owner;

    private Stores(IAuditLog audit, IRolloutStateStore rollouts, IAsyncDisposable? owner)
    {
        Audit = audit;
        Rollouts = rollouts;
        _owner = owner;
    }

    public IAuditLog Audit { get; }

    public IRolloutStateStore Rollouts { get; }

    public static Stores Open(string provider, string connection, TimeProvider time)
    {
        if (provider == "sqlite")
        {
            var database = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = connection }, time);
            return new Stores(new SqliteAuditLog(database, time), new SqliteRolloutStateStore(database), null)
            {
                InitializeAsync = () => database.InitializeAsync(),
            };
        }

        var pg = new PostgreSqlGovernanceDatabase(new PostgreSqlStorageOptions { ConnectionString = connection }, time);
        return new Stores(new PostgreSqlAuditLog(pg, time), new PostgreSqlRolloutStateStore(pg), pg)
        {
            InitializeAsync = () => pg.InitializeAsync(),
        };
    }

    public Func<Task> InitializeAsync { get; private init; } = () => Task.CompletedTask;

    public ValueTask DisposeAsync() => _owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
