namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// The four LLM roles of the product design. Each is the service key of its own <c>IChatClient</c>, registered
/// only when the role is configured: <c>GetKeyedService&lt;IChatClient&gt;(LlmRole.Documentation)</c> is null
/// when it is not, and the caller falls back to its offline behaviour.
/// </summary>
public static class LlmRole
{
    public const string LiveConversation = nameof(LiveConversation);
    public const string Documentation = nameof(Documentation);
    public const string FunctionExecution = nameof(FunctionExecution);
    public const string Summarisation = nameof(Summarisation);

    public static readonly IReadOnlyList<string> All = [LiveConversation, Documentation, FunctionExecution, Summarisation];
}
