using AgentCalls.Conversation.Tests;

[assembly: AssemblyFixture(typeof(ConversationServiceHost))]
[assembly: AssemblyFixture(typeof(LlmServiceHost))]
