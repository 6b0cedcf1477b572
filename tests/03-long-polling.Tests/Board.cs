using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LongPolling.Stats;

namespace LongPolling.Tests;

/// <summary>
/// The step's app on a real Kestrel loopback port, with the settings of one test, and the requests its tests send:
/// post a message, wait for news, read the stats. Every helper that expects an answer prints what the server sent.
/// </summary>
internal sealed class Board : IAsyncDisposable
{
    private Board(KestrelApp<Program> app)
    {
        App = app;
        Client = app.CreateClient();
    }

    public KestrelApp<Program> App { get; }
    public HttpClient Client { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <param name="timeout">LongPolling:Timeout, how long a wait lasts when nothing arrives.</param>
    /// <param name="maxWaiting">LongPolling:MaxWaiting, how many waits may be in progress; the app's default when null.</param>
    public static Board Start(TimeSpan timeout, int? maxWaiting = null)
    {
        var settings = new Dictionary<string, string?> { ["LongPolling:Timeout"] = timeout.ToString("c", CultureInfo.InvariantCulture) };
        if (maxWaiting is { } max)
        {
            settings["LongPolling:MaxWaiting"] = max.ToString(CultureInfo.InvariantCulture);
        }
        return new Board(KestrelApp<Program>.Start(settings));
    }

    /// <summary>Posts a message (step 02's contract) and returns it as stored.</summary>
    public async Task<Message> PostAsync(string text, string author = "Ana")
    {
        using var response = await Client.PostAsJsonAsync("/api/messages", new { author, text }, Cancel);
        response.StatusCode.Should().Be(HttpStatusCode.Created, "posting a message is step 02's contract; the server answered {0}", await DescribeAsync(response));
        return (await response.Content.ReadFromJsonAsync<Message>(Cancel))!;
    }

    /// <summary>Starts GET /api/messages/wait?after=<paramref name="after"/>; the task ends when the server answers.</summary>
    public Task<HttpResponseMessage> WaitAsync(long after) => Client.GetAsync($"/api/messages/wait?after={after}", Cancel);

    /// <summary>Like <see cref="WaitAsync"/>, for a client that goes away (closes its connection) when <paramref name="goAway"/> fires.</summary>
    public Task<HttpResponseMessage> WaitUntilGoneAsync(long after, CancellationToken goAway) =>
        Client.GetAsync($"/api/messages/wait?after={after}", goAway);

    /// <summary>Waits for news and expects 200 with the messages; fails with what the server sent otherwise.</summary>
    public static async Task<IReadOnlyList<Message>> MessagesOfAsync(Task<HttpResponseMessage> wait, string because)
    {
        using var response = await wait;
        response.StatusCode.Should().Be(HttpStatusCode.OK, "{0}; the server answered {1}", because, await DescribeAsync(response));
        return (await response.Content.ReadFromJsonAsync<List<Message>>(Cancel))!;
    }

    public async Task<StatsEndpoints.Stats> StatsAsync()
    {
        using var response = await Client.GetAsync("/api/stats", Cancel);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "GET /api/stats is given; the server answered {0}", await DescribeAsync(response));
        return (await response.Content.ReadFromJsonAsync<StatsEndpoints.Stats>(Cancel))!;
    }

    /// <summary>
    /// Waits until the stats say <paramref name="count"/> waits are in progress. Fails at once when one of the
    /// <paramref name="pending"/> waits has been answered already (an unfinished TODO answers 500 at once), and after
    /// 10 s with the count the stats showed.
    /// </summary>
    public async Task UntilWaitingAsync(int count, IEnumerable<Task<HttpResponseMessage>> pending)
    {
        var waits = pending.ToList();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (waits.FirstOrDefault(wait => wait.IsCompleted) is { } answered)
            {
                Assert.Fail($"A wait was answered before anything was posted, so it never waited: {await DescribeAsync(answered)}");
            }
            var waiting = (await StatsAsync()).Waiting;
            if (waiting == count)
            {
                return;
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"{count} wait(s) were sent and none was answered, but after 10 s the stats say waiting = {waiting}.");
            }
            await Task.Delay(20, Cancel);
        }
    }

    /// <summary>Polls the stats until <paramref name="done"/> holds, for at most <paramref name="limit"/>; returns the last stats.</summary>
    public async Task<StatsEndpoints.Stats> StatsWhenAsync(Func<StatsEndpoints.Stats, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stats = await StatsAsync();
            if (done(stats) || clock.Elapsed > limit)
            {
                return stats;
            }
            await Task.Delay(20, Cancel);
        }
    }

    /// <summary>"200 OK: [...]", "500 InternalServerError: {...TODO 2: ...}", or how the request failed.</summary>
    public static async Task<string> DescribeAsync(Task<HttpResponseMessage> request)
    {
        try
        {
            using var response = await request;
            return await DescribeAsync(response);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            return $"no answer: {failure.GetType().Name}: {failure.Message}";
        }
    }

    public static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return $"{(int)response.StatusCode} {response.StatusCode}: {(body.Length == 0 ? "(no body)" : body)}";
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
