using AgentCalls.TestSupport;

[assembly: AssemblyFixture(typeof(DatabaseServers))]
