namespace AgentCalls.Conversation.Service.Calls;

/// <summary>Something that follows a live call's finished utterances (the assistant's parts).</summary>
public interface ICallListener
{
    Task OnFinalAsync(CallSession call, TranscriptEntry entry, CancellationToken cancellationToken);
}
