namespace AgentCalls.Conversation.Service.Calls;

/// <summary>One finished utterance: who said it ("agent" or "client"), where in that speaker's audio, and what.</summary>
public sealed record TranscriptEntry(string Speaker, TimeSpan Start, TimeSpan End, string Text);
