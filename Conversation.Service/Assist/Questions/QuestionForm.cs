using System.Text.RegularExpressions;
using AgentCalls.Conversation.Service.Answers;

namespace AgentCalls.Conversation.Service.Assist.Questions;

/// <summary>
/// Whether an utterance is a question worth looking up: it ends with a question mark, or (transcripts seldom carry
/// punctuation) it opens, after filler, with a question word or an inverted verb ("is", "does", "can"), and it names
/// something specific to look for ("how are you" names nothing).
/// </summary>
public static partial class QuestionForm
{
    public static bool IsQuestion(string utterance)
    {
        var text = utterance.Trim().ToLowerInvariant();
        var asks = text.EndsWith('?') || Opening().IsMatch(text);
        return asks && QueryTerms.Of(text).Count > 0;
    }

    [GeneratedRegex(@"^(?:(?:so|and|but|well|okay|ok|um|uh|oh|also|hey|actually|then|just|quick question)[, ]+)*(?:what|what's|how|why|when|where|which|who|is|isn't|are|aren't|am|does|doesn't|do|don't|did|can|can't|could|would|will|should|if|i was wondering|i wonder|do you know|tell me)\b")]
    private static partial Regex Opening();
}
