using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Client;

namespace AgentCalls.Identity.Service.SigningKeys;

/// <summary>
/// Protects the Google client's state tokens with the server's own kept keys, so a sign-in begun before a
/// restart, or on another replica, still completes.
/// </summary>
public sealed class ClientKeyOptionsSetup(ServerKeyRing ring) : IConfigureOptions<OpenIddictClientOptions>
{
    public void Configure(OpenIddictClientOptions options)
    {
        foreach (var key in ring.Signing)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in ring.Encryption)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
