using AgentCalls.Conversation.Service.Ai;

namespace AgentCalls.Conversation.Tests;

public sealed class SensitiveDataRedactorTests
{
    [Theory]
    [InlineData("card 4111-1111-1111-1111 please", "card [card number] please")]
    [InlineData("it's 5500 0000 0000 0004", "it's [card number]")]
    [InlineData("my social is 123 45 6789", "my social is [SSN]")]
    [InlineData("SSN: 078-05-1120.", "SSN: [SSN].")]
    [InlineData("routing number 021000021 and account # 12345678901", "routing number [bank account] and account # [bank account]")]
    [InlineData("DOB: 1961-04-12", "DOB: [date of birth]")]
    [InlineData("she was born on March 3rd, 1958", "she was born on [date of birth]")]
    public void Redact_SensitiveNumbers_AreReplacedByTheirLabel(string text, string expected) =>
        Assert.Equal(expected, SensitiveDataRedactor.Redact(text));

    [Theory]
    [InlineData("Policy HO-3 renews on 04/12/2027 with a $1,000 deductible.")]
    [InlineData("Quote 1234567890123 is not a card: its check digit fails.")]
    [InlineData("Coverage A is $350,000; call 555-867-5309.")]
    public void Redact_OrdinaryPolicyText_IsLeftAlone(string text) =>
        Assert.Equal(text, SensitiveDataRedactor.Redact(text));
}
