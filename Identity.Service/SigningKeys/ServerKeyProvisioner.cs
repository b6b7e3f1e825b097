using System.Security.Cryptography;
using AgentCalls.Identity.Service.Data;
using AgentCalls.Identity.Service.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AgentCalls.Identity.Service.SigningKeys;

/// <summary>
/// Loads the token server's signing and encryption keys before the service takes traffic: from configuration (a
/// secret store; required outside Development), the current key first and the previous ones after it (they still
/// validate and decrypt what they made before a rotation). In Development, a key not configured comes from
/// identitydb, generated once (under an advisory lock, so replicas starting together agree on one key).
/// </summary>
public sealed partial class ServerKeyProvisioner(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptions<IdentityOptions> options,
    IHostEnvironment environment,
    ServerKeyRing ring,
    ILogger<ServerKeyProvisioner> logger) : IHostedService
{
    private const long AdvisoryLockKey = 0x4167656e7443616c; // "AgentCal"

    private readonly IDataProtector protector = dataProtection.CreateProtector("AgentCalls.Identity.ServerKeys");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!environment.IsDevelopment() && (string.IsNullOrWhiteSpace(settings.SigningKey) || string.IsNullOrWhiteSpace(settings.EncryptionKey)))
        {
            throw new InvalidOperationException(
                "Identity:SigningKey and Identity:EncryptionKey (RSA private keys in PEM, from a secret store) are required outside Development: "
                + "keys kept in identitydb would let whoever reads the database forge any agent's tokens.");
        }

        var signing = FromPem(settings.SigningKey) ?? await LoadOrCreateAsync(ServerKeyUse.Signing, cancellationToken);
        var encryption = FromPem(settings.EncryptionKey) ?? await LoadOrCreateAsync(ServerKeyUse.Encryption, cancellationToken);
        ring.Load([signing, .. settings.PreviousSigningKeys.Select(pem => FromPem(pem)!)], [encryption, .. settings.PreviousEncryptionKeys.Select(pem => FromPem(pem)!)]);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static RsaSecurityKey? FromPem(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }

    private async Task<SecurityKey> LoadOrCreateAsync(ServerKeyUse use, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            var stored = await db.ServerKeys.Where(k => k.Use == use).OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
            if (stored is null)
            {
                using var rsa = RSA.Create(2048);
                stored = new ServerKey { Use = use, ProtectedPrivateKey = protector.Protect(rsa.ExportPkcs8PrivateKeyPem()) };
                db.ServerKeys.Add(stored);
                await db.SaveChangesAsync(ct);
                LogGenerated(logger, use, stored.Id);
            }

            await transaction.CommitAsync(ct);
            var key = RSA.Create();
            key.ImportFromPem(protector.Unprotect(stored.ProtectedPrivateKey));
            return new RsaSecurityKey(key) { KeyId = stored.Id.ToString("N")[..16] };
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a new {Use} key {KeyId} and stored it in identitydb; configure Identity:SigningKey/EncryptionKey to use your own.")]
    private static partial void LogGenerated(ILogger logger, ServerKeyUse use, Guid keyId);
}
