using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workshop.Bench.Wire;

namespace Workshop.Bench.Approaches;

/// <summary>
/// The message board of steps 02 and 03, as their pages use it: <c>POST /api/messages</c> with <c>{author, text}</c>,
/// and <c>GET /api/messages?after=7</c> (step 02) or <c>GET /api/messages/wait?after=7</c> (step 03) for what is new.
/// </summary>
internal static class Board
{
    public static async Task<StartingPoint> FindStartingPointAsync(Uri server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server };
        var messages = await http.GetFromJsonAsync("api/messages?after=0", BoardJson.Default.BoardMessageArray, cancellationToken) ?? [];
        return new StartingPoint(messages.Length == 0 ? 0 : messages.Max(m => m.Id));
    }

    /// <summary>
    /// Reads a 200's list of messages, notes each of the run's in the log for <paramref name="subscriber"/>, and gives the
    /// last id seen (or <paramref name="lastId"/> when the list is empty, which is counted as an empty answer).
    /// </summary>
    public static async Task<long> ReadNewsAsync(HttpResponseMessage response, int subscriber, long lastId, RunContext run, CancellationToken cancellationToken)
    {
        var messages = await response.Content.ReadFromJsonAsync(BoardJson.Default.BoardMessageArray, cancellationToken) ?? [];
        var now = Stopwatch.GetTimestamp();
        if (messages.Length == 0)
        {
            run.Counters.EmptyResponse();
        }
        foreach (var message in messages)
        {
            run.Log.Received(run.Tag.NumberOf(message.Text), subscriber, now);
            lastId = Math.Max(lastId, message.Id);
        }
        return lastId;
    }

    public static Task<IMessageSender> ConnectSenderAsync(RunContext run) =>
        Task.FromResult<IMessageSender>(new Poster(CountedClients.Http(run.Server, run.Counters), run));

    /// <summary>Posts each message as the page's form does; a refused post fails the run at once.</summary>
    private sealed class Poster(HttpClient http, RunContext run) : IMessageSender
    {
        public async Task SendAsync(string text, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync("api/messages", new BoardDraft("bench", text), BoardJson.Default.BoardDraft, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                run.Counters.RequestFailed();
                throw new HttpRequestException(
                    $"POST {run.Server}api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

internal sealed record BoardMessage(long Id, string Text);

internal sealed record BoardDraft(string Author, string Text);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BoardMessage[]))]
[JsonSerializable(typeof(BoardDraft))]
internal sealed partial class BoardJson : JsonSerializerContext;
