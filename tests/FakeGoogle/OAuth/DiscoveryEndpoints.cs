namespace AgentCalls.FakeGoogle.OAuth;

/// <summary>Google's OpenID Connect discovery document and signing keys, with this server's own addresses.</summary>
public static class DiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            var issuer = Issuer(http);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = $"{issuer}/o/oauth2/v2/auth",
                ["device_authorization_endpoint"] = $"{issuer}/device/code",
                ["token_endpoint"] = $"{issuer}/token",
                ["userinfo_endpoint"] = $"{issuer}/v1/userinfo",
                ["revocation_endpoint"] = $"{issuer}/revoke",
                ["jwks_uri"] = $"{issuer}/oauth2/v3/certs",
                ["response_types_supported"] = new[] { "code", "token", "id_token", "code token", "code id_token", "token id_token", "code token id_token", "none" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["scopes_supported"] = new[] { "openid", "email", "profile" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
                ["claims_supported"] = new[] { "aud", "email", "email_verified", "exp", "family_name", "given_name", "iat", "iss", "name", "picture", "sub" },
                ["code_challenge_methods_supported"] = new[] { "plain", "S256" },
                ["grant_types_supported"] = new[] { "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:jwt-bearer" },
            });
        });

        app.MapGet("/oauth2/v3/certs", (IdTokenSigner signer) => Results.Json(new { keys = new[] { signer.PublicJwk } }));
        return app;
    }

    /// <summary>Google's issuer has no trailing slash; this fake's is its own origin.</summary>
    public static string Issuer(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
