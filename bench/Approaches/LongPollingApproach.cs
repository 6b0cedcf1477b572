using System.Net;

namespace Workshop.Bench.Approaches;

/// <summary>
/// Step 03's page: ask <c>GET /api/messages/wait?after=last</c>, which the server holds until there is news (200) or
/// its timeout passes (204, an empty answer); ask again at once. A refusal (503) is waited out as its Retry-After says.
/// </summary>
public sealed class LongPollingApproach : Approach
{
    public override string Key => "long-polling";

    public override string Label => "03 long polling";

    public override string Step => "03";

    public override Task<StartingPoint> FindStartingPointAsync(Uri server, CancellationToken cancellationToken) =>
        Board.FindStartingPointAsync(server, cancellationToken);

    public override async Task RunSubscriberAsync(int index, RunContext run, CancellationToken cancellationToken)
    {
        using var http = Wire.CountedClients.Http(run.Server, run.Counters);
        var lastId = run.Start.LastId;
        var ready = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var waiting = http.GetAsync($"api/messages/wait?after={lastId}", cancellationToken);
            if (!ready)
            {
                // The request is on its way: give the server a moment to hold it before the first message is sent.
                ready = true;
                run.SubscriberReady();
            }
            using var response = await waiting;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                lastId = await Board.ReadNewsAsync(response, index, lastId, run, cancellationToken);
            }
            else if (response.StatusCode == HttpStatusCode.NoContent)
            {
                run.Counters.EmptyResponse();
            }
            else
            {
                run.Counters.RequestFailed();
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public override Task<IMessageSender> ConnectSenderAsync(RunContext run, CancellationToken cancellationToken) =>
        Board.ConnectSenderAsync(run);
}
