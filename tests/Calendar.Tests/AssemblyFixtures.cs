using AgentCalls.Calendar.Tests;

[assembly: AssemblyFixture(typeof(CalendarServiceHost))]
