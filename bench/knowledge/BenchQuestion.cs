namespace AgentCalls.Bench.Knowledge;

/// <summary>A question, the document that answers it, and words only the answering passage holds.</summary>
public sealed record BenchQuestion(string Question, string Document, string Answer);
