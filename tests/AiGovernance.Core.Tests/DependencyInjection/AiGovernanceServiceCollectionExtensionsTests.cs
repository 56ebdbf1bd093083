using AiGovernance.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Core.Tests.DependencyInjection;

public class AiGovernanceServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAiGovernance_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance();
        var count = services.Count;
        services.AddAiGovernance(_ => { });

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ServiceType == typeof(IAuditLog));
    }

    [Fact]
    public void AddAiGovernance_Defaults_SystemClockAndInMemoryLog()
    {
        using var provider = new ServiceCollection().AddAiGovernance(_ => { }).BuildServiceProvider();
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<InMemoryAuditLog>(provider.GetRequiredService<IAuditLog>());
    }

    [Fact]
    public void AddAiGovernance_KeepsAClockRegisteredEarlier()
    {
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(fake).AddAiGovernance(_ => { }).BuildServiceProvider();
        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void UseFileAuditLog_ReplacesTheInMemoryLog_Once()
    {
        var path = Path.Combine(Path.GetTempPath(), "aigov-di-" + Guid.NewGuid().ToString("N"), "audit.jsonl");
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.UseFileAuditLog(path));
        services.AddAiGovernance(b => b.UseFileAuditLog(path));

        Assert.Single(services, d => d.ServiceType == typeof(IAuditLog));
        using (var provider = services.BuildServiceProvider())
        {
            var log = Assert.IsType<FileAuditLog>(provider.GetRequiredService<IAuditLog>());
            Assert.Equal(Path.GetFullPath(path), log.Path);
        }

        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void UseFileAuditLog_EmptyPath_NamesArgument()
    {
        var builder = new ServiceCollection().AddAiGovernance();
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => builder.UseFileAuditLog(" ")).ParamName);
    }
}
