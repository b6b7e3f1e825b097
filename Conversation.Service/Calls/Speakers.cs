using AgentCalls.Contracts.Transcription.V1;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>The two sides of a call: the channel byte the browser tags audio with is the proto's channel number.</summary>
public sealed record Speakers(Channel Channel, string Name)
{
    public static readonly Speakers Agent = new(Channel.Agent, "agent");

    public static readonly Speakers Client = new(Channel.Client, "client");

    public static readonly IReadOnlyList<Speakers> All = [Agent, Client];

    public static Speakers? Of(Channel channel) => All.FirstOrDefault(s => s.Channel == channel);

    public static Speakers? Named(string? name) => All.FirstOrDefault(s => s.Name == name);
}
