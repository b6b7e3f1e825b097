using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents;

namespace AgentCalls.Bench.Knowledge;

/// <summary>
/// Ten thousand passages for one agent, made fast: varied sentences with random unit vectors. Latency depends on
/// how many passages are scored and ranked, not on what they say, and embedding 10,000 real passages takes minutes.
/// </summary>
public static class LargeCorpus
{
    private static readonly string[] Words =
        "water backup flood roof claim deductible liability umbrella auto rental towing dwelling theft jewelry earthquake medical premium renewal driver vacant stove slander inspection coverage limit".Split(' ');

    public static async Task FillAsync(Func<ConversationDbContext> newDb, Guid agentId, int passages)
    {
        var random = new Random(7);
        const int perDocument = 500;
        for (var d = 0; d < passages / perDocument; d++)
        {
            await using var db = newDb();
            var document = new Document
            {
                AgentId = agentId, Title = $"large-{d}.md", Format = "markdown", Sha256 = Guid.NewGuid().ToString("N"), SizeBytes = 1,
                Text = "", EmbeddingModel = "snowflake-arctic-embed-xs", UploadedAt = DateTimeOffset.UtcNow,
            };
            for (var i = 0; i < perDocument; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, 120).Select(_ => Words[random.Next(Words.Length)])) + ".";
                document.Passages.Add(new Passage
                {
                    DocumentId = document.Id, AgentId = agentId, Ordinal = i, Text = text, Heading = $"Section {i}", HeadingPath = [$"Section {i}"],
                    Embedding = UnitVector(random, 384),
                });
            }

            db.Documents.Add(document);
            await db.SaveChangesAsync();
        }
    }

    private static float[] UnitVector(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
