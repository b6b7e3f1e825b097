using System.ComponentModel.DataAnnotations;

namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>Where access tokens come from and whom they are for.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The audience of every access token Identity issues for AgentCalls' APIs.</summary>
    public const string ApiAudience = "agentcalls-api";

    /// <summary>
    /// The token issuer: Identity's public address, as the browser sees it through the gateway.
    /// The default is the gateway's local development address.
    /// </summary>
    [Required]
    public Uri Issuer { get; set; } = new("http://localhost:5080/auth/");
}
