using AgentCalls.TestSupport;

[assembly: AssemblyFixture(typeof(IdentityHost))]
