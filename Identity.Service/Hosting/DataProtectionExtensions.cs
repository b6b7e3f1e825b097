using AgentCalls.Identity.Service.Data;
using AgentCalls.ServiceDefaults.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AgentCalls.Identity.Service.Hosting;

public static class DataProtectionExtensions
{
    /// <summary>
    /// The key ring that encrypts agents' Google tokens lives in identitydb, shared by replicas, next to what it
    /// protects; outside Development it is itself encrypted with a certificate from configuration
    /// (<c>Identity:DataProtection</c>, see <see cref="KeyRingProtection"/>), or the service does not start.
    /// </summary>
    public static WebApplicationBuilder AddIdentityDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName("AgentCalls.Identity")
            .PersistKeysToDbContext<IdentityDbContext>()
            .ProtectKeysAsConfigured(builder.Configuration, builder.Environment, "Identity:DataProtection");
        return builder;
    }
}
