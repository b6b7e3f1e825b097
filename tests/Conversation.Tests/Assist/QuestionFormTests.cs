using AgentCalls.Conversation.Service.Assist.Questions;

namespace AgentCalls.Conversation.Tests.Assist;

/// <summary>Which client utterances are questions to look up: transcripts carry no question marks, so the sentence's form decides.</summary>
public sealed class QuestionFormTests
{
    [Theory]
    [InlineData("is water backup covered")]
    [InlineData("so does my policy pay for a rental car")]
    [InlineData("what is the deductible on my roof")]
    [InlineData("okay and how many miles of towing do I get")]
    [InlineData("I was wondering if the umbrella covers my boat")]
    [InlineData("the umbrella covers the boat?")]
    public void IsQuestion_AQuestionNamingSomething_IsTrue(string utterance) => Assert.True(QuestionForm.IsQuestion(utterance));

    [Theory]
    [InlineData("how are you")]
    [InlineData("is it")]
    [InlineData("the price went up again")]
    [InlineData("I'm driving right now")]
    public void IsQuestion_SmallTalkOrAStatement_IsFalse(string utterance) => Assert.False(QuestionForm.IsQuestion(utterance));
}
