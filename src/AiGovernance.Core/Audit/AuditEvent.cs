using System.Text.Json;

namespace AiGovernance.Core.Audit;

/// <summary>A governance event to append to an <see cref="IAuditLog"/>.</summary>
public sealed record AuditEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="eventType">A dotted event name, for example <c>gate.deployment.decided</c>.</param>
    /// <param name="actor">Who or what caused the event (a user id, a service name).</param>
    /// <param name="systemId">The AI system concerned, if any.</param>
    /// <param name="artifactDigest">The model artifact concerned, if any; <see langword="default"/> when none.</param>
    /// <param name="payload">Event details as JSON; copied, so the caller's document may be disposed.</param>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> or <paramref name="actor"/> is empty.</exception>
    public AuditEvent(string eventType, string actor, string? systemId = null, Sha256Digest artifactDigest = default, JsonElement? payload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (systemId is not null && string.IsNullOrWhiteSpace(systemId))
        {
            throw new ArgumentException("A system id, when given, must not be empty.", nameof(systemId));
        }

        if (payload is { ValueKind: JsonValueKind.Undefined })
        {
            throw new ArgumentException("The payload is an undefined JSON element; pass null for no payload.", nameof(payload));
        }

        EventType = eventType;
        Actor = actor;
        SystemId = systemId;
        ArtifactDigest = artifactDigest;
        Payload = payload?.Clone();
    }

    /// <summary>The dotted event name.</summary>
    public string EventType { get; }

    /// <summary>Who or what caused the event.</summary>
    public string Actor { get; }

    /// <summary>The AI system concerned, or <see langword="null"/>.</summary>
    public string? SystemId { get; }

    /// <summary>The model artifact concerned; empty when none.</summary>
    public Sha256Digest ArtifactDigest { get; }

    /// <summary>Event details as JSON, or <see langword="null"/>.</summary>
    public JsonElement? Payload { get; }
}
