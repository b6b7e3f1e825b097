using System.Text.RegularExpressions;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// Replaces card numbers, social security numbers, bank account numbers and dates of birth in free text
/// with a label before the text leaves for an external model. Callers' words carry these in every form,
/// so numbers are found by shape (cards also by their Luhn check digit) and accounts and birth dates by
/// the words around them; a date or a long number with no such words stays, since policies are full of them.
/// </summary>
public static partial class SensitiveDataRedactor
{
    public const string CardNumber = "[card number]";
    public const string SocialSecurityNumber = "[SSN]";
    public const string BankAccount = "[bank account]";
    public const string DateOfBirth = "[date of birth]";

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = DateOfBirthPattern().Replace(text, m => m.Groups["label"].Value + DateOfBirth);
        text = CardPattern().Replace(text, m => PassesLuhn(m.Value) ? CardNumber : m.Value);
        text = SsnPattern().Replace(text, SocialSecurityNumber);
        text = LabelledSsnPattern().Replace(text, m => m.Groups["label"].Value + SocialSecurityNumber);
        return BankAccountPattern().Replace(text, m => m.Groups["label"].Value + BankAccount);
    }

    private static bool PassesLuhn(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    // 13 to 19 digits, optionally grouped by spaces or dashes.
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"(?<label>\b(?:SSN|social security(?: number)?|social)\b(?: is|:|#)?\s*)\d{3}[ -]?\d{2}[ -]?\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledSsnPattern();

    [GeneratedRegex(@"(?<label>\b(?:(?:bank |checking |savings )?account|acct|routing)\b(?: number| no\.?)?(?: is|:| ?#)?\s*)\d(?:[ -]?\d){5,30}\b", RegexOptions.IgnoreCase)]
    private static partial Regex BankAccountPattern();

    [GeneratedRegex(@"(?<label>\b(?:date of birth|DOB|D\.O\.B\.|born(?: on)?|birth ?date|birthday)\b(?: is|:)?\s*)(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*,? \d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex DateOfBirthPattern();
}
