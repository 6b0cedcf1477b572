using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BroadcastChat.Chat;

/// <summary>
/// What a page asks for as it opens <c>/chat</c>: <c>?nickname=Ana&amp;after=41&amp;serverId=3f9a1c2b</c>, all optional.
/// </summary>
/// <param name="Nickname">The nickname to start with; null lets the server pick <c>guest-n</c>.</param>
/// <param name="After">The id of the last chat message the page has seen: it is sent the kept messages after it.</param>
/// <param name="ServerId">The server the page saw that id on; another server's ids mean nothing here.</param>
public sealed record JoinRequest(string? Nickname, long After, string? ServerId)
{
    /// <summary>
    /// Where the catch-up starts on the server <paramref name="serverId"/>. The ids of a server that has restarted began
    /// again at 1, so a page that saw another server's ids gets everything kept.
    /// </summary>
    public long CatchUpAfter(string serverId) => ServerId is null || ServerId == serverId ? After : 0;

    public static bool TryRead(IQueryCollection query, [NotNullWhen(true)] out JoinRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        string? nickname = null;
        if (query.TryGetValue("nickname", out var nicknames) && !string.IsNullOrWhiteSpace(nicknames.ToString())
            && !Chat.Nickname.TryNormalize(nicknames.ToString(), out nickname, out problem))
        {
            return false;
        }
        long after = 0;
        if (query.TryGetValue("after", out var afters)
            && !(long.TryParse(afters.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            problem = $"after is '{afters}'; it must be the id of the last message you saw, a whole number of 0 or more.";
            return false;
        }
        var serverId = query.TryGetValue("serverId", out var serverIds) && serverIds.ToString().Length > 0 ? serverIds.ToString() : null;
        request = new JoinRequest(nickname, after, serverId);
        problem = null;
        return true;
    }
}
