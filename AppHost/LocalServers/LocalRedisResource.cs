namespace AgentCalls.AppHost.LocalServers;

/// <summary>Redis from the OS packages, run by Aspire as a process through <c>redis.sh</c>; clients need <paramref name="password"/>.</summary>
public sealed class LocalRedisResource(string name, string script, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, script, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => field ??= new EndpointReference(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)},password={Password}");
}
