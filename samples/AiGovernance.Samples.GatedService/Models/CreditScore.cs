namespace AiGovernance.Samples.GatedService.Models;

/// <summary>A model's answer: the probability of default and whether the application is declined at the threshold.</summary>
public readonly record struct CreditScore(double ProbabilityOfDefault, bool Declined)
{
    public string Decision => Declined ? "decline" : "approve";
}
