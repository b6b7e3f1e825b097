using AgentCalls.ServiceDefaults.Security;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AgentCalls.Gateway.Tests;

/// <summary>
/// The gateway's key ring sits in Redis beside the sessions it encrypts: outside Development it must be encrypted with a
/// certificate from configuration, and a rotated certificate still reads what the previous one protected.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Section = "Gateway:DataProtection";
    private readonly DirectoryInfo keys = Directory.CreateTempSubdirectory("agentcalls-key-ring-");

    [Fact]
    public void OutsideDevelopment_WithoutACertificate_RefusesNamingTheSetting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Provider("Production", new Dictionary<string, string?>()));

        Assert.Contains("Gateway:DataProtection:Certificate", refused.Message);
    }

    [Fact]
    public void InDevelopment_WithoutACertificate_Runs()
    {
        var protector = Provider("Development", new Dictionary<string, string?>()).CreateProtector("test");

        Assert.Equal("session", protector.Unprotect(protector.Protect("session")));
    }

    [Fact]
    public void WithACertificate_TheStoredKeysAreEncrypted_AndARotatedCertificateStillReadsThem()
    {
        var first = TestKeys.NewCertificate("first");
        var protectedBefore = Provider("Production", Settings(first)).CreateProtector("test").Protect("session");
        var stored = string.Concat(keys.GetFiles("*.xml").Select(f => File.ReadAllText(f.FullName)));

        var rotated = Settings(TestKeys.NewCertificate("second"));
        rotated[$"{Section}:PreviousCertificates:0"] = first;
        var readAfterRotation = Provider("Production", rotated).CreateProtector("test").Unprotect(protectedBefore);

        Assert.Contains("encryptedSecret", stored);
        Assert.DoesNotContain("<masterKey", stored);
        Assert.Equal("session", readAfterRotation);
    }

    public void Dispose() => keys.Delete(recursive: true);

    private static Dictionary<string, string?> Settings(string certificate) => new()
    {
        [$"{Section}:Certificate"] = certificate,
        [$"{Section}:CertificatePassword"] = TestKeys.CertificatePassword,
    };

    private IDataProtectionProvider Provider(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("AgentCalls.Gateway.Tests").PersistKeysToFileSystem(keys)
            .ProtectKeysAsConfigured(configuration, new HostingEnvironment { EnvironmentName = environment }, Section);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
