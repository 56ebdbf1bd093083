using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>The most recent served probabilities of default (a ring buffer), compared with the reference distribution
/// for score drift.</summary>
public sealed class LiveScores(IOptions<GatedServiceOptions> options)
{
    private readonly double[] _window = new double[options.Value.LiveScoreWindow];
    private readonly Lock _gate = new();
    private long _count;

    public void Add(double score)
    {
        lock (_gate)
        {
            _window[_count % _window.Length] = score;
            _count++;
        }
    }

    public double[] Snapshot()
    {
        lock (_gate)
        {
            var n = (int)Math.Min(_count, _window.Length);
            return _window.AsSpan(0, n).ToArray();
        }
    }
}
