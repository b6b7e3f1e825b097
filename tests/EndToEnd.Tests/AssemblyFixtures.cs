using AgentCalls.EndToEnd.Tests;

[assembly: AssemblyFixture(typeof(SystemUnderTest))]
