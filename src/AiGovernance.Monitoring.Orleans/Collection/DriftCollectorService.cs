using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Orleans.Collection;

/// <summary>Flushes the replica's <see cref="DriftCollector"/> every flush interval, and early when enough rows were
/// recorded; flushes once more on shutdown. Does nothing when no system id is configured.</summary>
internal sealed class DriftCollectorService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly OrleansMonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private DriftCollector? _collector;

    public DriftCollectorService(IServiceProvider services, IOptions<OrleansMonitoringOptions> options, TimeProvider time)
    {
        _services = services;
        _options = options.Value;
        _time = time;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_collector is not null)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.FlushAttemptTimeout);
            try
            {
                await _collector.FlushAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown ran out of time: the rows stay unacknowledged, as the status says.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.SystemId is null)
        {
            return;
        }

        _collector = _services.GetRequiredService<DriftCollector>();
        _collector.FlushDue += () => _due.Writer.TryWrite(true);
        var next = _time.GetUtcNow() + _options.FlushInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                using var timer = new CancellationTokenSource(wait, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timer.Token);
                try
                {
                    await _due.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
                    _due.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval elapsed.
                }
            }

            try
            {
                if (_time.GetUtcNow() < next)
                {
                    await _collector.FoldAsync(stoppingToken).ConfigureAwait(false);
                    if (!_collector.IsFlushDueByRows)
                    {
                        continue;
                    }
                }

                await _collector.FlushAsync(stoppingToken).ConfigureAwait(false);
                next = _time.GetUtcNow() + _options.FlushInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
