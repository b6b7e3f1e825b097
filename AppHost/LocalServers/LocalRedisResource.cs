namespace AgentCalls.AppHost.LocalServers;

/// <summary>Redis from the OS packages, run by Aspire as a process through <c>redis.sh</c>.</summary>
public sealed class LocalRedisResource(string name, string script, string workingDirectory)
    : ExecutableResource(name, script, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => field ??= new EndpointReference(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}
