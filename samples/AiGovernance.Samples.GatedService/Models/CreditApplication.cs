namespace AiGovernance.Samples.GatedService.Models;

/// <summary>A validated loan application: the applicant id (the bucketing key) and the five features.</summary>
public sealed record CreditApplication(
    string ApplicantId,
    double Income,
    double DebtToIncome,
    double CreditHistoryYears,
    double LatePayments,
    double LoanAmount);
