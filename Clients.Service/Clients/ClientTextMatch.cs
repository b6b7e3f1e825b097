using AgentCalls.Clients.Service.Data;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// The SQL a query box text becomes: which clients it matches, and how well each does (the relevance order's key).
/// Strict first: the text as a substring of the search text, its words as full-text prefixes, its digits in a phone
/// number, the text in a policy number. Only when nothing at all matches strictly (under the same filters) are typos
/// tolerated: each word of the text may then also be a word of the lexicon (<c>search_words</c>) that looks like it.
/// The choice is made in the statement, from the data, so every page of a list makes the same one; and a client who
/// matches strictly is never listed among look-alikes.
/// </summary>
public sealed class ClientTextMatch
{
    private const int MaxCorrections = 5;

    private readonly SqlQuery sql;
    private readonly string agent;
    private readonly string text;
    private readonly string contains;
    private readonly string prefixes;
    private readonly string digits;
    private readonly IReadOnlyList<string>? typoWords;

    /// <param name="agent">The placeholder of the agent's id.</param>
    public ClientTextMatch(SqlQuery sql, string text, string agent)
    {
        this.sql = sql;
        this.agent = agent;
        this.text = sql.Param(text);
        contains = sql.Param(QueryText.Contains(text));
        // Null when the text has no words or no digits: the condition or term using it is then false or 0, as a constant.
        prefixes = sql.Param(QueryText.Prefixes(text));
        digits = sql.Param(QueryText.PhoneDigits(text) is { Length: > 0 } phone ? QueryText.Contains(phone) : null);
        typoWords = QueryText.TypoWords(text);
    }

    /// <summary>
    /// How well client <c>c</c> matches: the text as a substring (of the search text or a policy number) counts most,
    /// then full-text rank and trigram word similarity to the name. Similarity to the name alone, not the whole search
    /// text: it ranks names as well, and costs a quarter as much per row, which counts when a short text matches thousands.
    /// </summary>
    public string Relevance => $"""
        (word_similarity({text}, c.display_name) + CASE WHEN c.search_text LIKE {contains} THEN 1 ELSE 0 END
          + CASE WHEN c.id IN (SELECT client_id FROM policy_matches) THEN 1 ELSE 0 END
          + CASE WHEN {prefixes}::text IS NULL THEN 0 ELSE ts_rank(c.search_vector, to_tsquery('simple', {prefixes}::text)) END)::float8
        """;

    /// <summary>
    /// The CTEs to open the statement with, and a query of the matched clients' ids and sort keys (column
    /// <c>sort_key</c>). <paramref name="from"/> introduces client <c>c</c> (and whatever <paramref name="key"/>
    /// needs); <paramref name="filters"/> (conditions on <c>c</c>, each starting with AND) narrow both kinds of match.
    /// </summary>
    public (string With, string Matches) Matches(string from, string key, string filters)
    {
        // Policy numbers are searched once, for the match and for the relevance key both. The strict matches are
        // materialized, keys and all: read once, where their rows are, then only asked whether there are any.
        var with = $"""
            WITH policy_matches AS (SELECT p.client_id FROM policies AS p WHERE p.agent_id = {agent} AND lower(p.policy_number) LIKE {contains}),
            strict_matches AS MATERIALIZED (SELECT c.id, {key} AS sort_key FROM {from} WHERE c.agent_id = {agent} AND {Strict}{filters})
            """;
        // NOT EXISTS names no column of the branch, so Postgres tests it once before running the branch (a one-time
        // filter): when anything matched strictly, the lexicon is not even read.
        var typos = typoWords is null ? "" : $"""
             UNION ALL SELECT c.id, {key} FROM {from}
              WHERE NOT EXISTS (SELECT FROM strict_matches) AND c.agent_id = {agent} AND c.search_vector @@ {Corrected(typoWords)}{filters}
            """;
        return (with, $"SELECT id, sort_key FROM strict_matches{typos}");
    }

    /// <summary>
    /// The strict match of client <c>c</c>. Every branch has an index (trigram and full-text on clients; the clients
    /// with a matching policy come as an array, which the primary key finds), so Postgres ORs index hits instead of
    /// scanning the book. A branch whose parameter is null is a constant false, which the plan drops.
    /// </summary>
    private string Strict => $"""
        (c.search_text LIKE {contains}
          OR ({prefixes}::text IS NOT NULL AND c.search_vector @@ to_tsquery('simple', {prefixes}::text))
          OR ({digits}::text IS NOT NULL AND c.search_text LIKE {digits}::text)
          OR c.id = ANY (ARRAY(SELECT client_id FROM policy_matches)))
        """;

    /// <summary>
    /// The full-text query with typos forgiven: every word, each as a prefix or, from three letters (as the lexicon's
    /// words are), as a lexicon word (<c>search_words</c>) equal to it with two neighbouring letters swapped or
    /// trigram-similar to it (<c>pg_trgm.similarity_threshold</c>): those first, then the most similar, at most
    /// <see cref="MaxCorrections"/>, leaving out words the prefix finds anyway. Without a cap a big lexicon offers
    /// hundreds of look-alikes for a common name, and the full-text index pays for every one, many times over; the word
    /// meant is nearly always among the first few. The lexicon holds every agent's words; a word only another agent's
    /// clients have finds nothing here, as the agent condition still applies. Words and lexicon entries are letters only,
    /// so they cannot spell tsquery operators. The words come as one array and their swaps as another (each swap with
    /// its word's position), so the statement's text is the same whatever was typed.
    /// </summary>
    private string Corrected(IReadOnlyList<string> words)
    {
        var swaps = words.SelectMany((word, i) => (word.Length < 3 ? [] : QueryText.Swaps(word)).Select(swap => (Position: i + 1L, Swap: swap))).ToList();
        var (typed, swapOf, swapped) = (sql.Param(words.ToArray()), sql.Param(swaps.Select(s => s.Position).ToArray()), sql.Param(swaps.Select(s => s.Swap).ToArray()));
        return $"""
            to_tsquery('simple', (SELECT string_agg(CASE WHEN length(w.word) < 3 THEN w.word || ':*' ELSE
                '(' || w.word || ':*' || coalesce((SELECT string_agg(' | ' || s.word, '') FROM (
                  SELECT l.word FROM search_words AS l
                  WHERE (l.word % w.word OR l.word = ANY (x.swaps)) AND NOT starts_with(l.word, w.word)
                  ORDER BY l.word = ANY (x.swaps) DESC, similarity(l.word, w.word) DESC, l.word LIMIT {MaxCorrections}) AS s), '') || ')' END,
                ' & ' ORDER BY w.n)
              FROM unnest({typed}::text[]) WITH ORDINALITY AS w(word, n)
              CROSS JOIN LATERAL (SELECT ARRAY(SELECT k.swap FROM unnest({swapOf}::bigint[], {swapped}::text[]) AS k(n, swap) WHERE k.n = w.n) AS swaps) AS x))
            """;
    }
}
