using System.Globalization;
using LongPolling.Messages;
using LongPolling.Stats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LongPolling.Waiting;

/// <summary>
/// Long polling: <c>GET /api/messages/wait?after=7</c> answers like <c>GET /api/messages?after=7</c> when there is news,
/// and otherwise holds the request until there is:
/// <list type="table">
/// <item><term>200</term><description>the messages after 7, at once or as soon as one is posted</description></item>
/// <item><term>204</term><description>no message arrived within <see cref="LongPollingOptions.Timeout"/>: ask again</description></item>
/// <item><term>400</term><description><c>after</c> is not a message id</description></item>
/// <item><term>503</term><description><see cref="LongPollingOptions.MaxWaiting"/> waits are in progress already; <c>Retry-After</c> says when to try again</description></item>
/// </list>
/// </summary>
public static class WaitEndpoints
{
    public static void MapWait(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/messages/wait", WaitAsync);

    /// <summary>GET /api/messages/wait?after=7: the messages after 7 as soon as there are any.</summary>
    public static async Task<Results<Ok<IReadOnlyList<Message>>, NoContent, ValidationProblem, ProblemHttpResult>> WaitAsync(
        string? after, MessageStore store, ReadStats stats, WaitingRoom room, IOptions<LongPollingOptions> options, HttpContext context)
    {
        // TODO 2: Wait for the messages after the id in the query, for at most the timeout.
        //   "after" as in GET /api/messages (MessageEndpoints.TryReadAfter). No place in the waiting room (room.TryEnter)
        //   -> 503 with a Retry-After header of WaitingRoom.RetryAfterSeconds, and a detail that says how many wait and
        //   when to come back: "<room.Capacity> requests are waiting ... Try again in <RetryAfterSeconds> seconds." Otherwise, and until you give the place
        //   back (room.Leave, in a finally): store.WaitAfterAsync with a token that fires at the timeout
        //   (options.Value.Timeout) or when the client goes away (context.RequestAborted), whichever comes first.
        //   Messages -> 200; the timeout -> 204 No Content. Count each answered wait with stats.CountRead.
        throw new NotImplementedException("TODO 2: Wait for the messages after the id in the query, for at most the timeout.");
    }
}
