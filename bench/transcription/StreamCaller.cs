using Grpc.Core;

namespace AgentCalls.Bench.Transcription;

/// <summary>Who opens a stream: Conversation.Service's own token (<see cref="Bearer"/>), for the agent <see cref="AgentId"/>.</summary>
public sealed record StreamCaller(Metadata Bearer, Guid AgentId);
