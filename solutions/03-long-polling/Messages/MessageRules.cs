using System.Diagnostics.CodeAnalysis;

namespace LongPolling.Messages;

/// <summary>What a message must be before the board keeps it. Nothing invalid is stored.</summary>
public static class MessageRules
{
    public const int MaxTextLength = 500;
    public const int MaxAuthorLength = 40;
    public const string DefaultAuthor = "Anonymous";

    /// <summary>
    /// Trims the draft and checks it: the text is required and at most <see cref="MaxTextLength"/> characters, the author
    /// at most <see cref="MaxAuthorLength"/> (blank becomes <see cref="DefaultAuthor"/>). On failure, the errors name
    /// each field that is wrong, the way <c>application/problem+json</c> validation errors do.
    /// </summary>
    public static bool TryAccept(
        MessageDraft draft,
        [NotNullWhen(true)] out (string Author, string Text)? accepted,
        [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        var text = draft.Text?.Trim() ?? "";
        var author = draft.Author?.Trim() ?? "";
        errors = new Dictionary<string, string[]>();
        if (text.Length == 0)
        {
            errors["text"] = ["The text is required and may not be blank."];
        }
        else if (text.Length > MaxTextLength)
        {
            errors["text"] = [$"The text has {text.Length} characters; at most {MaxTextLength} are allowed."];
        }
        if (author.Length > MaxAuthorLength)
        {
            errors["author"] = [$"The author has {author.Length} characters; at most {MaxAuthorLength} are allowed."];
        }
        if (errors.Count > 0)
        {
            accepted = null;
            return false;
        }
        errors = null;
        accepted = (author.Length == 0 ? DefaultAuthor : author, text);
        return true;
    }
}
