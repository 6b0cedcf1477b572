using System.Globalization;

namespace Workshop.Bench.Approaches;

/// <summary>
/// Step 02's page: ask <c>GET /api/messages?after=last</c>, show what came, wait <see cref="Interval"/> after the answer,
/// ask again. Each subscriber starts at a random moment within the first interval, as pages opened at different times do.
/// </summary>
public sealed class PollingApproach(TimeSpan interval) : Approach
{
    public TimeSpan Interval { get; } = interval;

    public override string Key => $"polling-{Milliseconds}ms";

    public override string Label => $"02 polling every {(Interval.TotalSeconds >= 1 ? $"{Interval.TotalSeconds:0.#} s" : $"{Milliseconds} ms")}";

    public override string Step => "02";

    private string Milliseconds => Interval.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    public override Task<StartingPoint> FindStartingPointAsync(Uri server, CancellationToken cancellationToken) =>
        Board.FindStartingPointAsync(server, cancellationToken);

    public override async Task RunSubscriberAsync(int index, RunContext run, CancellationToken cancellationToken)
    {
        using var http = Wire.CountedClients.Http(run.Server, run.Counters);
        var lastId = run.Start.LastId;
        run.SubscriberReady();
        await Task.Delay(Random.Shared.Next((int)Interval.TotalMilliseconds), cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            using (var response = await http.GetAsync($"api/messages?after={lastId}", cancellationToken))
            {
                if (response.IsSuccessStatusCode)
                {
                    lastId = await Board.ReadNewsAsync(response, index, lastId, run, cancellationToken);
                }
                else
                {
                    run.Counters.RequestFailed();
                }
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }

    public override Task<IMessageSender> ConnectSenderAsync(RunContext run, CancellationToken cancellationToken) =>
        Board.ConnectSenderAsync(run);
}
