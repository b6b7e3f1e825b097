namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// One environment variable of a workload, resolved for a target platform: a literal (which may name other variables
/// as <c>$(NAME)</c>), or a reference to a secret or a setting the operator provides.
/// </summary>
public abstract record Setting(string Name)
{
    public sealed record Literal(string Name, string Value) : Setting(Name);

    /// <summary>A key of a secret store (a Kubernetes Secret, or Key Vault for Container Apps).</summary>
    public sealed record Secret(string Name, string Store, string Key) : Setting(Name);

    /// <summary>A non-secret value the operator chooses per installation (a ConfigMap key, or a Bicep parameter).</summary>
    public sealed record Config(string Name, string Key) : Setting(Name);
}
