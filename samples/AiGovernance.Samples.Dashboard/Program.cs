using AiGovernance.Dashboard;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Samples.Dashboard.History;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:5090");
var clock = new ShiftedClock();
builder.Services.AddSingleton<TimeProvider>(clock);
builder.Services.AddSingleton<IRolloutStateStore, InMemoryRolloutStateStore>();

// The dashboard in three lines: register it with a policy, register the policy, mount it. This sample is for one machine, so it
// admits local requests only and lets them act (verify the audit chain, acknowledge oversight warnings).
builder.Services.AddAiGovernance(b => b
    .AddGates()
    .AddDashboard(o =>
    {
        o.ReadPolicy = DashboardPolicies.LocalRequestsOnly;
        o.ActionPolicy = DashboardPolicies.LocalRequestsOnly;
        o.Rollouts["credit-scoring"] = GovernanceHistorySeeder.CreditRollout;
    }));

var app = builder.Build();
if (app.Configuration.GetValue("Dashboard:Seed", defaultValue: true))
{
    // A year of history for three systems, ending now, written through the library's own components.
    await GovernanceHistorySeeder.SeedAsync(app.Services, clock.MoveTo, clock.GetUtcNow());
}

app.MapAiGovernanceDashboard("/governance");
app.MapGet("/", () => Results.Redirect("/governance"));
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
