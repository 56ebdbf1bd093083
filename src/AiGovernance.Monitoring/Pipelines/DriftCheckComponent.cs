using AiGovernance.Core.Pipelines;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Monitoring.Pipelines;

/// <summary>A pipeline step that compares training data with a pinned drift reference and fails the pipeline when the
/// share of drifted columns exceeds a threshold; otherwise it passes the data on unchanged.</summary>
/// <remarks>The comparison is <see cref="DataDriftDetector.Compare(DriftReference, Data.TabularData)"/> with the detector's options (automatic test
/// choice,
/// multiple-testing correction). The failure is a <see cref="TrainingDataDriftException"/> carrying the report.
/// Thread-safe.</remarks>
public sealed class DriftCheckComponent : IPipelineComponent<TabularData, TabularData>
{
    private readonly DriftReference _reference;
    private readonly DataDriftDetector _detector;
    private readonly double _maximumDriftedShare;

    /// <summary>Creates the step.</summary>
    /// <param name="reference">The pinned reference the training data must stay close to.</param>
    /// <param name="detector">The detector; a default one when <see langword="null"/>.</param>
    /// <param name="maximumDriftedShare">The largest share of drifted columns accepted, in [0, 1); 0 fails on any drifted column.</param>
    /// <param name="name">The step's name in lineage.</param>
    /// <param name="version">The step's version (bump it when the reference changes).</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumDriftedShare"/> is outside [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> is empty.</exception>
    public DriftCheckComponent(DriftReference reference, DataDriftDetector? detector = null, double maximumDriftedShare = 0,
        string name = "drift-check", string version = "1")
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!(maximumDriftedShare >= 0 && maximumDriftedShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maximumDriftedShare), maximumDriftedShare,
                "The accepted share of drifted columns must lie in [0, 1).");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _reference = reference;
        _detector = detector ?? new DataDriftDetector();
        _maximumDriftedShare = maximumDriftedShare;
        Name = name;
        Version = version;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Version { get; }

    /// <inheritdoc />
    public ValueTask<PipelineValidationResult> ValidateInputAsync(PipelineArtifact<TabularData> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ValueTask.FromResult(input.Data is null || input.Data.RowCount == 0
            ? PipelineValidationResult.Invalid("the training data is empty")
            : PipelineValidationResult.Valid);
    }

    /// <inheritdoc />
    /// <exception cref="TrainingDataDriftException">The share of drifted columns exceeds the threshold.</exception>
    public async ValueTask<TabularData> ExecuteAsync(PipelineArtifact<TabularData> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var report = await _detector.CompareAsync(_reference, input.Data, progress: null, cancellationToken).ConfigureAwait(false);
        if (report.DriftedShare > _maximumDriftedShare)
        {
            throw new TrainingDataDriftException(report, _maximumDriftedShare);
        }

        return input.Data;
    }
}
