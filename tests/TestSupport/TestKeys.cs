using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AgentCalls.TestSupport;

/// <summary>
/// Keys a service outside Development requires from a secret store, made once per test process: RSA keys in PEM (the
/// token server's) and certificates (base64 PKCS#12) that protect Data Protection key rings.
/// </summary>
public static class TestKeys
{
    public const string CertificatePassword = "test-key-ring-password";

    public static string SigningKey { get; } = NewRsaPem();

    public static string EncryptionKey { get; } = NewRsaPem();

    public static string KeyRingCertificate { get; } = NewCertificate("key ring");

    /// <summary>What Identity needs outside Development: its keys and its key ring's protection.</summary>
    public static IReadOnlyDictionary<string, string?> IdentitySettings { get; } = new Dictionary<string, string?>
    {
        ["Identity:SigningKey"] = SigningKey,
        ["Identity:EncryptionKey"] = EncryptionKey,
        ["Identity:DataProtection:Certificate"] = KeyRingCertificate,
        ["Identity:DataProtection:CertificatePassword"] = CertificatePassword,
    };

    public static string NewRsaPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A self-signed certificate with its private key, as base64 PKCS#12 under <see cref="CertificatePassword"/>.</summary>
    public static string NewCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=AgentCalls test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
    }
}
