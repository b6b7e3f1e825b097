using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>A passage found, with its fused score and where each method ranked it (0: not found by it).</summary>
public sealed record ScoredPassageRow(PassageRow Passage, double Score, int TextRank, int VectorRank, double Similarity);

/// <summary>
/// Hybrid search over one agent's passages: Postgres full-text search (any of the question's words, ranked by
/// cover density) and embedding similarity, fused by reciprocal rank.
/// </summary>
public sealed class PassageSearch(ConversationDbContext db, ITextEmbedder embedder, PassageVectorIndex vectors)
{
    // The usual constant of reciprocal rank fusion: damps the difference between the very first ranks.
    private const int FusionK = 60;
    private const int Candidates = 50;

    public enum Method { Fused, FullText, Embeddings }

    public async Task<IReadOnlyList<ScoredPassageRow>> SearchAsync(Guid agentId, string query, int limit, CancellationToken cancellationToken, Method method = Method.Fused)
    {
        var queryVector = embedder.EmbedQueries([query], cancellationToken)[0];
        var textRanked = method == Method.Embeddings ? [] : await FullTextAsync(agentId, query, cancellationToken);
        var nearest = await vectors.NearestAsync(db, agentId, queryVector, Candidates, cancellationToken);
        var vectorRanked = method == Method.FullText ? [] : nearest;

        var fused = new Dictionary<Guid, (double Score, int TextRank, int VectorRank)>();
        for (var i = 0; i < textRanked.Count; i++)
        {
            fused[textRanked[i]] = (1.0 / (FusionK + i + 1), i + 1, 0);
        }

        for (var i = 0; i < vectorRanked.Count; i++)
        {
            var (score, textRank, _) = fused.GetValueOrDefault(vectorRanked[i].PassageId);
            fused[vectorRanked[i].PassageId] = (score + 1.0 / (FusionK + i + 1), textRank, i + 1);
        }

        var top = fused.OrderByDescending(f => f.Value.Score).Take(limit).ToList();
        var ids = top.Select(t => t.Key).ToList();
        var rows = await db.Passages.AsNoTracking()
            .Where(p => p.AgentId == agentId && ids.Contains(p.Id))
            .Join(db.Documents, p => p.DocumentId, d => d.Id, (p, d) => new PassageRow(p.Id, p.DocumentId, d.Title, p.Page, p.HeadingPath, p.Text, p.StartOffset, p.EndOffset))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var similarity = nearest.ToDictionary(n => n.PassageId, n => (double)n.Similarity);

        // A passage deleted between the two queries is simply left out.
        return [.. top.Where(t => rows.ContainsKey(t.Key)).Select(t => new ScoredPassageRow(
            rows[t.Key], t.Value.Score, t.Value.TextRank, t.Value.VectorRank, similarity.GetValueOrDefault(t.Key)))];
    }

    private async Task<List<Guid>> FullTextAsync(Guid agentId, string query, CancellationToken cancellationToken) =>
        // plainto_tsquery joins the words with AND; a question rarely shares every word with its answer, so any word counts.
        await db.Database.SqlQuery<Guid>($"""
            SELECT p.id AS "Value"
            FROM passages p, (SELECT replace(plainto_tsquery('english', {query})::text, '&', '|')::tsquery AS q) AS query
            WHERE p.agent_id = {agentId} AND p.search_vector @@ query.q
            ORDER BY ts_rank_cd(p.search_vector, query.q) DESC, p.id
            LIMIT {Candidates}
            """).ToListAsync(cancellationToken);
}
