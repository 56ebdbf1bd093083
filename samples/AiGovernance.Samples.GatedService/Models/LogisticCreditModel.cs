using System.Buffers.Binary;
using AiGovernance.Core;

namespace AiGovernance.Samples.GatedService.Models;

/// <summary>A deterministic logistic credit scorer. Its <see cref="Artifact"/> digest is SHA-256 over the six coefficients
/// as little-endian IEEE 754 doubles (intercept, income, debt-to-income, history, late payments, loan amount), so
/// changing any coefficient changes the artifact and voids approvals signed for the old one.</summary>
public sealed class LogisticCreditModel
{
    private readonly double[] _coefficients;
    private readonly double _threshold;

    public LogisticCreditModel(LogisticModelOptions options, double decisionThreshold)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Name, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Version, nameof(options));
        _coefficients = [options.Intercept, options.Income, options.DebtToIncome, options.CreditHistoryYears, options.LatePayments, options.LoanAmount];
        foreach (var c in _coefficients)
        {
            if (!double.IsFinite(c))
            {
                throw new ArgumentException($"Model {options.Name} {options.Version} has a non-finite coefficient.", nameof(options));
            }
        }

        _threshold = decisionThreshold;
        var bytes = new byte[_coefficients.Length * sizeof(double)];
        for (var i = 0; i < _coefficients.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), _coefficients[i]);
        }

        Artifact = ModelArtifact.FromBytes(options.Name, options.Version, bytes);
    }

    public ModelArtifact Artifact { get; }

    public CreditScore Score(CreditApplication application)
    {
        var c = _coefficients;
        var logOdds = c[0] + (c[1] * application.Income) + (c[2] * application.DebtToIncome) + (c[3] * application.CreditHistoryYears)
            + (c[4] * application.LatePayments) + (c[5] * application.LoanAmount);
        var p = 1.0 / (1.0 + Math.Exp(-logOdds));
        return new CreditScore(p, p >= _threshold);
    }
}
