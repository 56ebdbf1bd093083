using AiGovernance.Core;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Core options on the <see cref="IAiGovernanceBuilder"/>.</summary>
public static class AiGovernanceBuilderExtensions
{
    /// <summary>Stores the audit log as durable JSON lines at <paramref name="path"/>, replacing the in-memory log.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file's path; reopening continues the chain.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IAiGovernanceBuilder UseFileAuditLog(this IAiGovernanceBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuditLog>(sp =>
            new FileAuditLog(path, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<FileAuditLog>>())));
        return builder;
    }
}
