using System.Diagnostics;

namespace AiGovernance.Shared;

/// <summary>The attributes every decision span carries (gate decisions, canary analyses, drift runs, review routing), named
/// once so that a trace query works across packages.</summary>
/// <remarks>The reason is text a person reads in a trace viewer and may hold names from data or from outside (column names,
/// approval statements), so it is bounded and escaped with <see cref="UntrustedText.Bound"/> at
/// <see cref="ReasonLength"/> characters. Nothing is computed unless a listener asked for the span's data.</remarks>
internal static class DecisionActivity
{
    /// <summary>The decision, a short lower-case word of a closed set (allowed, blocked, rollback_immediately, …).</summary>
    public const string Decision = "aigovernance.decision";

    /// <summary>Why, for a person: bounded at <see cref="ReasonLength"/> characters and escaped.</summary>
    public const string Reason = "aigovernance.decision.reason";

    /// <summary>The longest reason attribute.</summary>
    public const int ReasonLength = 1024;

    /// <summary>Sets the decision and its reason on <paramref name="activity"/> when it records data.</summary>
    /// <param name="activity">The span, or null when nobody listens.</param>
    /// <param name="decision">The decision word.</param>
    /// <param name="reason">The reason, untrusted.</param>
    public static void SetDecision(Activity? activity, string decision, string? reason)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(Decision, decision);
        activity.SetTag(Reason, UntrustedText.Bound(reason, ReasonLength));
    }

    /// <summary>Sets the decision with a reason built only when the span records data.</summary>
    /// <typeparam name="TState">What the reason is built from.</typeparam>
    /// <param name="activity">The span, or null when nobody listens.</param>
    /// <param name="decision">The decision word.</param>
    /// <param name="state">The reason's inputs.</param>
    /// <param name="reason">Builds the reason.</param>
    public static void SetDecision<TState>(Activity? activity, string decision, TState state, Func<TState, string> reason)
    {
        if (activity is { IsAllDataRequested: true })
        {
            SetDecision(activity, decision, reason(state));
        }
    }
}
