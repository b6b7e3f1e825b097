using System.Security.Cryptography.X509Certificates;
using AgentCalls.Identity.Service.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AgentCalls.Identity.Service.Hosting;

public static class DataProtectionExtensions
{
    /// <summary>
    /// The key ring that encrypts agents' Google tokens and the token server's keys lives in identitydb, shared by
    /// replicas. When <c>Identity:DataProtection:CertificatePath</c> names a PKCS#12 file (with
    /// <c>CertificatePassword</c>), the key ring itself is encrypted with that certificate at rest.
    /// </summary>
    public static WebApplicationBuilder AddIdentityDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("AgentCalls.Identity")
            .PersistKeysToDbContext<IdentityDbContext>();
        var section = builder.Configuration.GetSection("Identity:DataProtection");
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]));
        }

        return builder;
    }
}
