using AgentCalls.Drills.Tests;

[assembly: AssemblyFixture(typeof(DrillSystem))]

// The drills kill and stop the processes every test uses: one drill at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
