using System.Collections.Concurrent;
using System.Numerics.Tensors;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>
/// Each agent's passage vectors of the current model in memory, scored exactly in C# (pgvector is not packaged here;
/// 10,000 passages score in a few milliseconds). Passages change only with their document (added, deleted, re-embedded
/// by another model), so a fingerprint of the agent's documents and their models, read from the small documents
/// table, tells when to reload, whichever replica made the change.
/// </summary>
public sealed class PassageVectorIndex(DocumentEmbedder embedder)
{
    private readonly ConcurrentDictionary<Guid, AgentVectors> agents = new();

    public async Task<IReadOnlyList<(Guid PassageId, float Similarity)>> NearestAsync(
        ConversationDbContext db, Guid agentId, float[] query, int count, CancellationToken cancellationToken)
    {
        var vectors = await LoadAsync(db, agentId, cancellationToken);
        var dimensions = query.Length;
        // The best <count> so far, the worst of them on top.
        var best = new PriorityQueue<int, float>(count + 1);
        for (var i = 0; i < vectors.Ids.Length; i++)
        {
            var score = TensorPrimitives.Dot(vectors.Matrix.AsSpan(i * dimensions, dimensions), query);
            if (best.Count < count)
            {
                best.Enqueue(i, score);
            }
            else if (best.TryPeek(out _, out var worst) && score > worst)
            {
                best.DequeueEnqueue(i, score);
            }
        }

        var nearest = new (Guid PassageId, float Similarity)[best.Count];
        for (var rank = nearest.Length - 1; best.TryDequeue(out var i, out var score); rank--)
        {
            nearest[rank] = (vectors.Ids[i], score);
        }

        return nearest;
    }

    private async Task<AgentVectors> LoadAsync(ConversationDbContext db, Guid agentId, CancellationToken cancellationToken)
    {
        var model = embedder.ModelId;
        var fingerprint = await db.Database.SqlQuery<string>($"""
            SELECT coalesce(md5(string_agg(id::text || ':' || embedding_model, ',' ORDER BY id)), '') AS "Value"
            FROM documents WHERE agent_id = {agentId}
            """).SingleAsync(cancellationToken);
        if (agents.TryGetValue(agentId, out var cached) && cached.Fingerprint == fingerprint && cached.Model == model)
        {
            return cached;
        }

        var rows = await db.Passages.AsNoTracking()
            .Where(p => p.AgentId == agentId && db.Documents.Any(d => d.Id == p.DocumentId && d.EmbeddingModel == model))
            .Select(p => new { p.Id, p.Embedding })
            .ToListAsync(cancellationToken);
        var dimensions = rows.Count == 0 ? 0 : rows[0].Embedding.Length;
        var matrix = new float[rows.Count * dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Embedding.CopyTo(matrix, i * dimensions);
        }

        var loaded = new AgentVectors(fingerprint, model, [.. rows.Select(r => r.Id)], matrix);
        agents[agentId] = loaded;
        return loaded;
    }

    private sealed record AgentVectors(string Fingerprint, string Model, Guid[] Ids, float[] Matrix);
}
