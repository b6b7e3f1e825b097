namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>How call logs are searched: the text search configuration their search vector and the queries share.</summary>
public static class CallLogSearch
{
    public const string Language = "english";
}
