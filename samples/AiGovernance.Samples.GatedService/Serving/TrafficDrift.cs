using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Samples.GatedService.Models;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>The service monitoring its own traffic: every scored application goes to the replica's
/// <see cref="DriftCollector"/>, whose window grains (a silo in this process, see Program.cs) compare each five-minute
/// window with the synthetic validation population.</summary>
public sealed class TrafficDrift
{
    /// <summary>The monitored input columns, in the order recorded.</summary>
    public static readonly string[] Columns = ["income", "debt_to_income", "credit_history_years", "late_payments", "loan_amount"];

    private readonly DriftCollector? _collector;

    public TrafficDrift(IServiceProvider services, IOptions<GatedServiceOptions> options)
    {
        _collector = options.Value.MonitorTrafficDrift ? services.GetRequiredService<DriftCollector>() : null;
    }

    /// <summary>The collector, or null when monitoring is switched off.</summary>
    public DriftCollector? Collector => _collector;

    /// <summary>The reference: the validation population the model was accepted on (seeded, identical on every run).</summary>
    public static DriftReference FitReference()
    {
        var random = new Random(20261127);
        var values = Columns.Select(_ => new double[ReferenceScores.Size]).ToArray();
        Span<double> row = stackalloc double[5];
        for (var i = 0; i < ReferenceScores.Size; i++)
        {
            var applicant = ReferenceScores.SyntheticApplicant(random, $"ref-{i}");
            Fill(applicant, row);
            for (var c = 0; c < row.Length; c++)
            {
                values[c][i] = row[c];
            }
        }

        var builder = TabularData.CreateBuilder();
        for (var c = 0; c < Columns.Length; c++)
        {
            builder.AddNumeric(Columns[c], values[c]);
        }

        return DriftReference.Fit(builder.Build());
    }

    /// <summary>Records one application (allocation-free; never blocks the request).</summary>
    public void Record(CreditApplication application)
    {
        if (_collector is null)
        {
            return;
        }

        Span<double> row = stackalloc double[5];
        Fill(application, row);
        _collector.Record(row, []);
    }

    private static void Fill(CreditApplication application, Span<double> row)
    {
        row[0] = application.Income;
        row[1] = application.DebtToIncome;
        row[2] = application.CreditHistoryYears;
        row[3] = application.LatePayments;
        row[4] = application.LoanAmount;
    }
}
