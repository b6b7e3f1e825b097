using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>A passage found, with its fused score and where each method ranked it (0: not found by it).</summary>
public sealed record ScoredPassageRow(PassageRow Passage, double Score, int TextRank, int VectorRank, double Similarity);

/// <summary>
/// Hybrid search over one agent's passages: Postgres full-text search (any of the question's words, ranked by
/// cover density) and embedding similarity by the configured model, fused by reciprocal rank; a full-text hit is fused
/// only when it holds at least half of the question's words.
/// </summary>
public sealed class PassageSearch(ConversationDbContext db, DocumentEmbedder embedder, PassageVectorIndex vectors)
{
    // The usual constant of reciprocal rank fusion: damps the difference between the very first ranks.
    private const int FusionK = 60;
    private const int Candidates = 50;
    private const int PerWordCandidates = 100;

    /// <summary>The share of the question's words a full-text hit must hold to be fused (as <see cref="AnswersOptions.MinTermOverlap"/>).</summary>
    private const double MinTextCoverage = 0.5;

    public enum Method { Fused, FullText, Embeddings }

    public async Task<IReadOnlyList<ScoredPassageRow>> SearchAsync(Guid agentId, string query, int limit, CancellationToken cancellationToken, Method method = Method.Fused)
    {
        // Postgres ranks the words while the question is embedded here.
        var fullText = method == Method.Embeddings ? Task.FromResult(new List<TextHit>()) : FullTextAsync(agentId, query, cancellationToken);
        var queryVector = await embedder.EmbedQueryAsync(query, cancellationToken);
        var textRanked = await fullText;
        var nearest = await vectors.NearestAsync(db, agentId, queryVector, Candidates, cancellationToken);
        var vectorRanked = method == Method.FullText ? [] : nearest;

        var fused = new Dictionary<Guid, (double Score, int TextRank, int VectorRank)>();
        for (var i = 0; i < textRanked.Count; i++)
        {
            // A full-text hit on a minority of the question's words (one common word) only pushes the embedding hits
            // down; one on most of them, or on a rare code, is the exact-match evidence fusion is for (bench/knowledge).
            var fusedScore = method != Method.Fused || textRanked[i].Coverage >= MinTextCoverage ? 1.0 / (FusionK + i + 1) : 0;
            fused[textRanked[i].Id] = (fusedScore, i + 1, 0);
        }

        for (var i = 0; i < vectorRanked.Count; i++)
        {
            var (score, textRank, _) = fused.GetValueOrDefault(vectorRanked[i].PassageId);
            fused[vectorRanked[i].PassageId] = (score + 1.0 / (FusionK + i + 1), textRank, i + 1);
        }

        var top = fused.Where(f => f.Value.Score > 0).OrderByDescending(f => f.Value.Score).Take(limit).ToList();
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

    /// <summary>
    /// Ranks by cover density against any of the question's words, but only a bounded set of candidates: the passages
    /// holding every word, and for each word the passages holding it, at most <see cref="PerWordCandidates"/> of each.
    /// A rare word (a form code, a carrier's name) brings all its passages; a word found nearly everywhere brings only
    /// a few, which carry no more signal than the rest. Ranking every match of such a word took ~100 ms at 10,000
    /// passages (bench/knowledge).
    /// </summary>
    private async Task<List<TextHit>> FullTextAsync(Guid agentId, string query, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<TextHit>($"""
            WITH query AS (
                SELECT plainto_tsquery('english', {query}) AS every_word,
                       replace(plainto_tsquery('english', {query})::text, '&', '|')::tsquery AS any_word,
                       tsvector_to_array(to_tsvector('english', {query})) AS words),
            candidates AS (
                (SELECT p.id, p.search_vector FROM passages p, query
                 WHERE p.agent_id = {agentId} AND p.search_vector @@ query.every_word LIMIT {PerWordCandidates})
                UNION
                SELECT c.id, c.search_vector FROM query, unnest(query.words) AS word,
                    LATERAL (SELECT p.id, p.search_vector FROM passages p
                             WHERE p.agent_id = {agentId} AND p.search_vector @@ quote_literal(word)::tsquery
                             LIMIT {PerWordCandidates}) AS c)
            SELECT ranked.id AS "Id",
                   (SELECT count(*) FROM unnest(query.words) AS word WHERE ranked.search_vector @@ quote_literal(word)::tsquery)::float8
                       / greatest(cardinality(query.words), 1) AS "Coverage"
            FROM (SELECT c.id, c.search_vector, ts_rank_cd(c.search_vector, query.any_word) AS rank FROM candidates c, query
                  ORDER BY rank DESC, c.id
                  LIMIT {Candidates}) AS ranked, query
            ORDER BY ranked.rank DESC, ranked.id
            """).ToListAsync(cancellationToken);

    /// <summary>A full-text hit, in rank order, with the share of the question's words it holds.</summary>
    private sealed record TextHit(Guid Id, double Coverage);
}
