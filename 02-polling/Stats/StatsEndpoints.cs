using Polling.Messages;

namespace Polling.Stats;

/// <summary>The figures the page shows live: the lesson's evidence of what polling costs.</summary>
public static class StatsEndpoints
{
    /// <param name="Requests">How many message reads were served.</param>
    /// <param name="EmptyResponses">How many of them answered with no new message.</param>
    /// <param name="Messages">How many messages the board keeps now.</param>
    /// <param name="Waiting">How many reads are waiting for news right now: always 0 here, where no read waits.</param>
    public sealed record Stats(long Requests, long EmptyResponses, int Messages, int Waiting);

    public static void MapStats(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/stats", (ReadStats reads, MessageStore store) =>
            TypedResults.Ok(new Stats(reads.Requests, reads.EmptyResponses, store.Count, Waiting: 0)));
}
