using AgentCalls.Clients.Tests;

[assembly: AssemblyFixture(typeof(ClientsServiceHost))]
