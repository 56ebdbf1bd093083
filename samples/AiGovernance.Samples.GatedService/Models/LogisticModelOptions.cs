namespace AiGovernance.Samples.GatedService.Models;

/// <summary>The coefficients of a logistic credit scorer: log-odds of default = intercept + Σ weight × feature.</summary>
public sealed class LogisticModelOptions
{
    public string Name { get; set; } = "credit-scorer";

    public string Version { get; set; } = "1.0.0";

    public double Intercept { get; set; }

    /// <summary>Per thousand of yearly income.</summary>
    public double Income { get; set; }

    /// <summary>Per unit of debt-to-income ratio.</summary>
    public double DebtToIncome { get; set; }

    /// <summary>Per year of credit history.</summary>
    public double CreditHistoryYears { get; set; }

    /// <summary>Per late payment in the last two years.</summary>
    public double LatePayments { get; set; }

    /// <summary>Per thousand of loan amount.</summary>
    public double LoanAmount { get; set; }

    public static LogisticModelOptions DefaultBaseline() => new()
    {
        Name = "credit-scorer",
        Version = "1.0.0",
        Intercept = -1.0,
        Income = -0.03,
        DebtToIncome = 3.0,
        CreditHistoryYears = -0.08,
        LatePayments = 0.6,
        LoanAmount = 0.02,
    };

    public static LogisticModelOptions DefaultCandidate() => new()
    {
        Name = "credit-scorer",
        Version = "2.0.0",
        Intercept = -1.2,
        Income = -0.028,
        DebtToIncome = 3.4,
        CreditHistoryYears = -0.1,
        LatePayments = 0.7,
        LoanAmount = 0.018,
    };
}
