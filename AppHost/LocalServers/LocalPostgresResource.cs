namespace AgentCalls.AppHost.LocalServers;

/// <summary>PostgreSQL from the OS packages, run by Aspire as a process through <c>postgres.sh</c>; clients sign in as postgres with <paramref name="password"/>.</summary>
public sealed class LocalPostgresResource(string name, string script, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, script, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => field ??= new EndpointReference(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password}");
}
