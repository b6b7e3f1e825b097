using AgentCalls.Conversation.Tests;

[assembly: AssemblyFixture(typeof(ConversationServiceHost))]
