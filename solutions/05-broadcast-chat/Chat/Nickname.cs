using System.Diagnostics.CodeAnalysis;

namespace BroadcastChat.Chat;

/// <summary>The rules of a nickname: what a person types, trimmed, 1 to 24 characters, no control characters.</summary>
public static class Nickname
{
    public const int MaxLength = 24;

    public const string Rules = "a nickname is 1 to 24 characters, without control characters (such as a line break)";

    /// <summary>The nickname a connection gets when it asks for none: <c>guest-7</c> for user <c>u7</c>.</summary>
    public static string ForGuest(string userId) => "guest-" + userId[1..];

    /// <summary>Trims <paramref name="text"/> and checks it against the rules; <paramref name="problem"/> says which one it breaks.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? nickname, [NotNullWhen(false)] out string? problem)
    {
        nickname = text?.Trim();
        problem = nickname switch
        {
            null or "" => $"The nickname is empty: {Rules}.",
            { Length: > MaxLength } => $"The nickname has {nickname.Length} characters: {Rules}.",
            _ when nickname.Any(char.IsControl) => $"The nickname has a control character: {Rules}.",
            _ => null,
        };
        if (problem is not null)
        {
            nickname = null;
        }
        return problem is null;
    }
}
