using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Gates.DueDiligence;

/// <summary>The weight of each due-diligence criterion; the weights must sum to 1.</summary>
public sealed class VendorCriterionWeights
{
    /// <summary>Weight of <see cref="VendorCriterion.ModelDocumentation"/>.</summary>
    /// <value>The default value is 0.10.</value>
    [Range(0.0, 1.0)]
    public double ModelDocumentation { get; set; } = 0.10;

    /// <summary>Weight of <see cref="VendorCriterion.TrainingDataTransparency"/>.</summary>
    /// <value>The default value is 0.10.</value>
    [Range(0.0, 1.0)]
    public double TrainingDataTransparency { get; set; } = 0.10;

    /// <summary>Weight of <see cref="VendorCriterion.ValidationRigour"/>.</summary>
    /// <value>The default value is 0.15.</value>
    [Range(0.0, 1.0)]
    public double ValidationRigour { get; set; } = 0.15;

    /// <summary>Weight of <see cref="VendorCriterion.BiasTesting"/>.</summary>
    /// <value>The default value is 0.15.</value>
    [Range(0.0, 1.0)]
    public double BiasTesting { get; set; } = 0.15;

    /// <summary>Weight of <see cref="VendorCriterion.Security"/>.</summary>
    /// <value>The default value is 0.10.</value>
    [Range(0.0, 1.0)]
    public double Security { get; set; } = 0.10;

    /// <summary>Weight of <see cref="VendorCriterion.Monitoring"/>.</summary>
    /// <value>The default value is 0.10.</value>
    [Range(0.0, 1.0)]
    public double Monitoring { get; set; } = 0.10;

    /// <summary>Weight of <see cref="VendorCriterion.UpdateNotification"/>.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double UpdateNotification { get; set; } = 0.05;

    /// <summary>Weight of <see cref="VendorCriterion.IncidentResponse"/>.</summary>
    /// <value>The default value is 0.10.</value>
    [Range(0.0, 1.0)]
    public double IncidentResponse { get; set; } = 0.10;

    /// <summary>Weight of <see cref="VendorCriterion.DataPortability"/>.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double DataPortability { get; set; } = 0.05;

    /// <summary>Weight of <see cref="VendorCriterion.Liability"/>.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double Liability { get; set; } = 0.05;

    /// <summary>Weight of <see cref="VendorCriterion.ComplianceCoverage"/>.</summary>
    /// <value>The default value is 0.03.</value>
    [Range(0.0, 1.0)]
    public double ComplianceCoverage { get; set; } = 0.03;

    /// <summary>Weight of <see cref="VendorCriterion.AuditRights"/>.</summary>
    /// <value>The default value is 0.02.</value>
    [Range(0.0, 1.0)]
    public double AuditRights { get; set; } = 0.02;

    /// <summary>The tolerance on the sum of the weights.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>The weight of a criterion.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criterion"/> is not defined.</exception>
    public double Get(VendorCriterion criterion) => criterion switch
    {
        VendorCriterion.ModelDocumentation => ModelDocumentation,
        VendorCriterion.TrainingDataTransparency => TrainingDataTransparency,
        VendorCriterion.ValidationRigour => ValidationRigour,
        VendorCriterion.BiasTesting => BiasTesting,
        VendorCriterion.Security => Security,
        VendorCriterion.Monitoring => Monitoring,
        VendorCriterion.UpdateNotification => UpdateNotification,
        VendorCriterion.IncidentResponse => IncidentResponse,
        VendorCriterion.DataPortability => DataPortability,
        VendorCriterion.Liability => Liability,
        VendorCriterion.ComplianceCoverage => ComplianceCoverage,
        VendorCriterion.AuditRights => AuditRights,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "Unknown vendor criterion."),
    };
}
