using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Identity.Service.SignIn;

/// <summary>What the development sign-in page posts.</summary>
public sealed class DevelopmentSignInForm
{
    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public string? ReturnUrl { get; set; }

    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            errors["displayName"] = "Enter your name.";
        }
        else if (DisplayName.Trim().Length > 200)
        {
            errors["displayName"] = "Use at most 200 characters.";
        }

        if (string.IsNullOrWhiteSpace(Email) || Email.Trim().Length > 320 || !new EmailAddressAttribute().IsValid(Email.Trim()))
        {
            errors["email"] = "Enter an e-mail address like ann@example.com.";
        }

        return errors;
    }
}
