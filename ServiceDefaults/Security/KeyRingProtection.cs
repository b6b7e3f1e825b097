using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AgentCalls.ServiceDefaults.Security;

/// <summary>
/// Encrypts a service's Data Protection key ring at rest with a certificate from configuration (a secret store), so
/// the store that holds the ring (identitydb, the gateway's Redis) is not enough to read what the keys protect.
/// Settings under <c>{section}</c>: <c>Certificate</c> (base64 PKCS#12 with its private key) or <c>CertificatePath</c>,
/// with <c>CertificatePassword</c>; <c>PreviousCertificates</c> (base64 PKCS#12, same password) still decrypt keys
/// written before a rotation. Outside Development a service refuses to start without one; Development runs without.
/// </summary>
public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeysAsConfigured(this IDataProtectionBuilder dataProtection, IConfiguration configuration, IHostEnvironment environment, string section)
    {
        var settings = configuration.GetSection(section);
        var password = settings["CertificatePassword"];
        var certificate = settings["Certificate"] is { Length: > 0 } encoded
            ? X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(encoded), password)
            : settings["CertificatePath"] is { Length: > 0 } path ? X509CertificateLoader.LoadPkcs12FromFile(path, password) : null;
        if (certificate is null)
        {
            return environment.IsDevelopment()
                ? dataProtection
                : throw new InvalidOperationException(
                    $"{section}:Certificate (a base64 PKCS#12 certificate with its private key, from a secret store) or {section}:CertificatePath "
                    + "must protect the Data Protection key ring outside Development; without it, whoever reads the key store reads every secret the keys protect.");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{section}: the key ring's certificate has no private key, so the keys it protects could not be read back.");
        }

        var previous = settings.GetSection("PreviousCertificates").GetChildren()
            .Select(child => X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(child.Value ?? ""), password));
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
    }
}
