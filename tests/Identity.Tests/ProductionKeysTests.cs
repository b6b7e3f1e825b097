using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AgentCalls.Identity.Service.Data;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace AgentCalls.Identity.Tests;

/// <summary>
/// Outside Development, Identity's keys come from a secret store and its key ring is encrypted at rest, or it does
/// not start: identitydb alone (or a backup of it) must not be enough to forge tokens or read Google tokens.
/// </summary>
public sealed class ProductionKeysTests(IdentityHost identity)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Identity:SigningKey", "Identity:SigningKey and Identity:EncryptionKey")]
    [InlineData("Identity:EncryptionKey", "Identity:SigningKey and Identity:EncryptionKey")]
    [InlineData("Identity:DataProtection:Certificate", "Identity:DataProtection:Certificate")]
    public async Task Start_OutsideDevelopmentWithoutASecret_RefusesToStart_NamingTheSetting(string missing, string named)
    {
        var database = await identity.Servers.CreateDatabaseAsync("identity_missing_secret");

        var refused = Record.Exception(() =>
            IdentityServerInstance.Start(database, identity.Servers.RedisConnectionString, "Production", new Dictionary<string, string?> { [missing] = "" }));

        Assert.NotNull(refused);
        Assert.Contains(named, refused.ToString());
    }

    [Fact]
    public async Task KeyRing_OutsideDevelopment_IsStoredEncryptedWithTheCertificate()
    {
        await using var production = IdentityServerInstance.Start(
            await identity.Servers.CreateDatabaseAsync("identity_key_ring"), identity.Servers.RedisConnectionString, "Production");

        var protectedText = production.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a Google refresh token");
        await using var scope = production.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(Cancel);

        Assert.NotEmpty(protectedText);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public async Task Rotation_ThePreviousSigningKeyIsStillPublished_BesideTheCurrentOne()
    {
        var current = TestKeys.NewRsaPem();
        await using var rotated = IdentityServerInstance.Start(
            await identity.Servers.CreateDatabaseAsync("identity_rotated"), identity.Servers.RedisConnectionString, "Production",
            new Dictionary<string, string?> { ["Identity:SigningKey"] = current, ["Identity:PreviousSigningKeys:0"] = TestKeys.SigningKey });
        using var http = new HttpClient();

        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri(rotated.Issuer, ".well-known/openid-configuration"), Cancel);
        var jwks = await http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString(), Cancel);
        var published = jwks.GetProperty("keys").EnumerateArray().Where(k => k.GetProperty("use").GetString() == "sig").Select(k => k.GetProperty("n").GetString()).ToList();

        Assert.Equal(new[] { Modulus(current), Modulus(TestKeys.SigningKey) }.Order(), published.Order());
    }

    private static string Modulus(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return Base64UrlEncoder.Encode(rsa.ExportParameters(false).Modulus);
    }
}
