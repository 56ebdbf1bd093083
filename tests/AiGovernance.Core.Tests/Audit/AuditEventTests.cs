using System.Text.Json;
using AiGovernance.Core.Audit;

namespace AiGovernance.Core.Tests.Audit;

public sealed class AuditEventTests
{
    [Theory]
    [InlineData(null, "alice", "eventType")]
    [InlineData(" ", "alice", "eventType")]
    [InlineData("gate.deployment.decided", null, "actor")]
    [InlineData("gate.deployment.decided", "", "actor")]
    public void Constructor_EmptyEventTypeOrActor_IsRefusedByName(string? eventType, string? actor, string parameter)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new AuditEvent(eventType!, actor!));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Constructor_WhitespaceSystemId_IsRefused_ButNullMeansNone()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AuditEvent("gate.deployment.decided", "alice", "  "));

        Assert.Equal("systemId", ex.ParamName);
        Assert.StartsWith("A system id, when given, must not be empty.", ex.Message, StringComparison.Ordinal);
        Assert.Null(new AuditEvent("gate.deployment.decided", "alice", systemId: null).SystemId);
    }

    [Fact]
    public void Constructor_UndefinedPayload_IsRefused_ButNullMeansNone()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AuditEvent("gate.deployment.decided", "alice", payload: default(JsonElement)));

        Assert.Equal("payload", ex.ParamName);
        Assert.StartsWith("The payload is an undefined JSON element", ex.Message, StringComparison.Ordinal);
        Assert.Null(new AuditEvent("gate.deployment.decided", "alice", payload: null).Payload);
    }
}
