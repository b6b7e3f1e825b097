using System.Text.RegularExpressions;
using AgentCalls.Conversation.Service.Documents.Parsing;

namespace AgentCalls.Conversation.Service.Documents;

/// <summary>A passage before it is embedded: a range of the document's text, with its page and headings.</summary>
public sealed record PassageDraft(int Start, int End, int? Page, IReadOnlyList<string> HeadingPath);

/// <summary>
/// Splits a parsed document into passages of a few hundred words along its structure: a passage stays within one
/// section and one page, a table stays whole, a long paragraph is cut at sentence ends, consecutive passages of a
/// section share one block or sentence, and a section too short to stand alone (a bare heading, a footer) joins
/// the next one, since short passages crowd the top of search results.
/// </summary>
public static partial class PassageSplitter
{
    public const int TargetWords = 220;
    private const int OverlapWords = 60;
    private const int MinimumWords = 12;

    public static IReadOnlyList<PassageDraft> Split(ParsedDocument document)
    {
        var pieces = document.Blocks.SelectMany(block => Pieces(document.Text, block)).ToList();
        var passages = new List<PassageDraft>();
        var current = new List<Piece>();
        var words = 0;

        void Flush(bool continuing)
        {
            if (current.Count == 0)
            {
                return;
            }

            passages.Add(new PassageDraft(current[0].Start, current[^1].End, current[0].Block.Page, current[0].Block.HeadingPath));
            var last = current[^1];
            current.Clear();
            words = 0;
            if (continuing && !last.Block.KeepWhole && last.Words <= OverlapWords)
            {
                current.Add(last);
                words = last.Words;
            }
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var sameSection = current.Count > 0 && current[^1].Block.Page == piece.Block.Page && current[^1].Block.HeadingPath.SequenceEqual(piece.Block.HeadingPath);
            if (current.Count > 0 && !sameSection)
            {
                Flush(continuing: false);
            }
            else if (current.Count > 0 && (piece.Block.KeepWhole || words + piece.Words > TargetWords))
            {
                Flush(continuing: !piece.Block.KeepWhole);
            }

            current.Add(piece);
            words += piece.Words;
            if (piece.Block.KeepWhole)
            {
                Flush(continuing: false);
            }
        }

        Flush(continuing: false);
        return MergeShort(document.Text, passages);
    }

    private static List<PassageDraft> MergeShort(string text, List<PassageDraft> passages)
    {
        var merged = new List<PassageDraft>();
        PassageDraft? carried = null;
        foreach (var passage in passages)
        {
            var next = passage;
            if (carried is not null)
            {
                next = carried.Page == passage.Page
                    ? new PassageDraft(carried.Start, passage.End, passage.Page, CommonPrefix(carried.HeadingPath, passage.HeadingPath))
                    : Emit(carried, passage);
                carried = null;
            }

            if (WordCount(text.AsSpan(next.Start, next.End - next.Start)) < MinimumWords)
            {
                carried = next;
            }
            else
            {
                merged.Add(next);
            }
        }

        if (carried is not null)
        {
            // The last section is short: it joins the one before it on the same page, or stands alone.
            if (merged.Count > 0 && merged[^1].Page == carried.Page && merged[^1].End <= carried.Start)
            {
                merged[^1] = merged[^1] with { End = carried.End, HeadingPath = CommonPrefix(merged[^1].HeadingPath, carried.HeadingPath) };
            }
            else
            {
                merged.Add(carried);
            }
        }

        return merged;

        PassageDraft Emit(PassageDraft shortOne, PassageDraft following)
        {
            merged.Add(shortOne);
            return following;
        }
    }

    private static string[] CommonPrefix(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        [.. a.Zip(b).TakeWhile(pair => pair.First == pair.Second).Select(pair => pair.First)];

    /// <summary>A block, or a sentence-bounded window of a block longer than a passage.</summary>
    private sealed record Piece(DocumentBlock Block, int Start, int End, int Words);

    private static IEnumerable<Piece> Pieces(string text, DocumentBlock block)
    {
        var words = WordCount(text.AsSpan(block.Start, block.End - block.Start));
        if (words <= TargetWords || block.KeepWhole)
        {
            yield return new Piece(block, block.Start, block.End, words);
            yield break;
        }

        var sentenceStart = block.Start;
        var windowStart = block.Start;
        var windowEnd = block.Start;
        var windowWords = 0;
        foreach (Match end in SentenceEnd().Matches(text, block.Start))
        {
            if (end.Index >= block.End)
            {
                break;
            }

            var sentenceEnd = end.Index + end.Length;
            var sentenceWords = WordCount(text.AsSpan(sentenceStart, sentenceEnd - sentenceStart));
            if (windowWords > 0 && windowWords + sentenceWords > TargetWords)
            {
                yield return new Piece(block, windowStart, windowEnd, windowWords);
                windowStart = sentenceStart;
                windowWords = 0;
            }

            windowWords += sentenceWords;
            windowEnd = sentenceEnd;
            sentenceStart = SkipSpaces(text, sentenceEnd);
        }

        var rest = WordCount(text.AsSpan(sentenceStart, Math.Max(0, block.End - sentenceStart)));
        yield return new Piece(block, windowStart, block.End, windowWords + rest);
    }

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    public static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            count += isWordChar && !inWord ? 1 : 0;
            inWord = isWordChar;
        }

        return count;
    }

    [GeneratedRegex(@"[.!?](?=\s)")]
    private static partial Regex SentenceEnd();
}
