using System.Text.RegularExpressions;

namespace LlmMultiChat.Grains.Users;

/// <summary>What usernames, emails and passwords must look like. Each check returns the problem, or null when fine.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MaxEmailLength = 254;

    public static string? UsernameProblem(string? username) =>
        username is not null && UsernamePattern().IsMatch(username)
            ? null
            : "Usernames are 3 to 30 letters (A-Z, a-z), digits or underscores.";

    // Structure only: mail servers, not regexes, know which addresses exist (and there is no mail server here).
    public static string? EmailProblem(string? email) =>
        email is not null && email.Length <= MaxEmailLength && EmailPattern().IsMatch(email)
            ? null
            : "Give an email address such as name@example.com (at most 254 characters).";

    public static string? PasswordProblem(string? password) =>
        password is not null
        && password.Length is >= MinPasswordLength and <= MaxPasswordLength
        && password.Any(char.IsAsciiLetterUpper)
        && password.Any(char.IsAsciiLetterLower)
        && password.Any(char.IsAsciiDigit)
            ? null
            : "Passwords are 8 to 128 characters with at least one upper-case letter, one lower-case letter and one digit.";

    /// <summary>Emails compare case-insensitively; this is the form stored for uniqueness.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first broken rule.</summary>
    public static void Validate(string username, string email, string password)
    {
        var problem = UsernameProblem(username) ?? EmailProblem(email) ?? PasswordProblem(password);
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
    }

    // \z, not $: $ also matches before a final line break, which would let "alice\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9_]{3,30}\z")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+\z")]
    private static partial Regex EmailPattern();
}
