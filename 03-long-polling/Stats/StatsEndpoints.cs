using LongPolling.Messages;
using LongPolling.Waiting;

namespace LongPolling.Stats;

/// <summary>The figures the page shows live: the lesson's evidence of what long polling saves, and what it holds.</summary>
public static class StatsEndpoints
{
    /// <param name="Requests">How many message reads were answered, waits included.</param>
    /// <param name="EmptyResponses">How many of them answered with no new message (a wait that ran out answers 204: empty).</param>
    /// <param name="Messages">How many messages the board keeps now.</param>
    /// <param name="Waiting">How many reads are waiting for news right now.</param>
    public sealed record Stats(long Requests, long EmptyResponses, int Messages, int Waiting);

    public static void MapStats(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/stats", (ReadStats reads, MessageStore store, WaitingRoom room) =>
            TypedResults.Ok(new Stats(reads.Requests, reads.EmptyResponses, store.Count, room.Waiting)));
}
