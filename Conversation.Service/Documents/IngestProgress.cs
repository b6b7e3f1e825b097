namespace AgentCalls.Conversation.Service.Documents;

/// <summary>Where an upload is: "parsed", "embedding" (done of total passages), "saving", "done".</summary>
public sealed record IngestProgress(string Stage, int Done = 0, int Total = 0);

/// <summary>The stored document, and whether it was already there (same file, same hash).</summary>
public sealed record IngestResult(Guid DocumentId, bool Duplicate);
