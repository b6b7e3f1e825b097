namespace AgentCalls.Identity.Service.SigningKeys;

/// <summary>
/// An RSA key the token server generated for itself, kept so that tokens stay valid across restarts and
/// replicas. The private key is stored only as Data Protection ciphertext.
/// </summary>
public sealed class ServerKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required ServerKeyUse Use { get; init; }

    /// <summary>The PKCS#8 private key, protected with ASP.NET Core Data Protection.</summary>
    public required string ProtectedPrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public enum ServerKeyUse
{
    Signing,
    Encryption,
}
