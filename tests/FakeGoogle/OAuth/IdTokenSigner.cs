using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCalls.FakeGoogle.OAuth;

/// <summary>Signs id_tokens with an RS256 key published at the JWKS endpoint, as Google does.</summary>
public sealed class IdTokenSigner
{
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    // Same key id, different key: what a forged token looks like to a client that checks signatures.
    private readonly RsaSecurityKey impostor;

    public IdTokenSigner() => impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = key.KeyId };

    public JsonWebKey PublicJwk
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            jwk.Use = "sig";
            jwk.Alg = SecurityAlgorithms.RsaSha256;
            return jwk;
        }
    }

    public string Sign(IssuedCode code, FakeUser user, string issuer, string accessToken, DateTimeOffset now, bool forRefresh = false)
    {
        var tampering = forRefresh ? IdTokenTampering.None : code.Tampering;
        var claims = new Dictionary<string, object>
        {
            ["azp"] = code.ClientId,
            ["sub"] = user.Subject,
            ["at_hash"] = AccessTokenHash(accessToken),
        };
        if (code.Scopes.Contains("email"))
        {
            claims["email"] = user.Email;
            claims["email_verified"] = true;
        }

        if (code.Scopes.Contains("profile"))
        {
            claims["name"] = user.Name;
        }

        if (code.Nonce is not null && !forRefresh)
        {
            claims["nonce"] = tampering == IdTokenTampering.WrongNonce ? "not-the-nonce-you-sent" : code.Nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = tampering == IdTokenTampering.WrongAudience ? "someone-else.apps.googleusercontent.com" : code.ClientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(tampering == IdTokenTampering.BadSignature ? impostor : key, SecurityAlgorithms.RsaSha256),
        });
    }

    // OpenID Connect Core 3.1.3.6: left half of SHA-256 of the access token, base64url.
    private static string AccessTokenHash(string accessToken) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
}
