using Microsoft.IdentityModel.Tokens;

namespace AgentCalls.Identity.Service.SigningKeys;

/// <summary>The keys the token server uses, loaded once at startup by <see cref="ServerKeyProvisioner"/>.</summary>
public sealed class ServerKeyRing
{
    private IReadOnlyList<SecurityKey>? signing;
    private IReadOnlyList<SecurityKey>? encryption;

    public IReadOnlyList<SecurityKey> Signing => signing ?? throw NotLoaded();

    public IReadOnlyList<SecurityKey> Encryption => encryption ?? throw NotLoaded();

    public void Load(IReadOnlyList<SecurityKey> signingKeys, IReadOnlyList<SecurityKey> encryptionKeys)
    {
        signing = signingKeys;
        encryption = encryptionKeys;
    }

    private static InvalidOperationException NotLoaded() =>
        new("The token server's keys are not loaded yet: ServerKeyProvisioner runs when the host starts.");
}
