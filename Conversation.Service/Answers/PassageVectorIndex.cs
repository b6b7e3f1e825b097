using System.Collections.Concurrent;
using System.Numerics.Tensors;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>
/// Each agent's passage vectors in memory, scored exactly in C# (pgvector is not packaged here; 10,000 passages
/// score in a few milliseconds). A cheap fingerprint query (count and newest id) tells when the agent's passages
/// changed, in this process or another replica, and the vectors are reloaded.
/// </summary>
public sealed class PassageVectorIndex(ITextEmbedder embedder)
{
    private readonly ConcurrentDictionary<Guid, AgentVectors> agents = new();

    public async Task<IReadOnlyList<(Guid PassageId, float Similarity)>> NearestAsync(
        ConversationDbContext db, Guid agentId, float[] query, int count, CancellationToken cancellationToken)
    {
        var vectors = await LoadAsync(db, agentId, cancellationToken);
        var scores = new float[vectors.Ids.Length];
        var dimensions = query.Length;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(vectors.Matrix.AsSpan(i * dimensions, dimensions), query);
        }

        return [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(count).Select(i => (vectors.Ids[i], scores[i]))];
    }

    private async Task<AgentVectors> LoadAsync(ConversationDbContext db, Guid agentId, CancellationToken cancellationToken)
    {
        var fingerprint = await db.Database.SqlQuery<Fingerprint>(
            $"SELECT count(*)::int AS count, coalesce(max(id::text), '') AS newest FROM passages WHERE agent_id = {agentId}")
            .SingleAsync(cancellationToken);
        if (agents.TryGetValue(agentId, out var cached) && cached.Fingerprint == fingerprint)
        {
            return cached;
        }

        var rows = await db.Passages.AsNoTracking()
            .Where(p => p.AgentId == agentId && db.Documents.Any(d => d.Id == p.DocumentId && d.EmbeddingModel == embedder.ModelId))
            .Select(p => new { p.Id, p.Embedding })
            .ToListAsync(cancellationToken);
        var matrix = new float[rows.Count * embedder.Dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Embedding.CopyTo(matrix, i * embedder.Dimensions);
        }

        var loaded = new AgentVectors(fingerprint, [.. rows.Select(r => r.Id)], matrix);
        agents[agentId] = loaded;
        return loaded;
    }

    private sealed record AgentVectors(Fingerprint Fingerprint, Guid[] Ids, float[] Matrix);

    private sealed record Fingerprint(int Count, string Newest);
}
