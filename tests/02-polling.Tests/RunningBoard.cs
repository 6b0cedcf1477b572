using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Polling.Stats;
using Workshop.Testing;

namespace Polling.Tests;

/// <summary>
/// The step's app on a real Kestrel loopback port, with an HttpClient that talks to it and a way into its store, so a
/// test can put messages on the board directly and wait on its own TODO alone. Stopped when disposed.
/// </summary>
internal sealed class RunningBoard : IAsyncDisposable
{
    private readonly KestrelApp<Program> _app;

    private RunningBoard(KestrelApp<Program> app)
    {
        _app = app;
        Client = app.CreateClient();
    }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Uri BaseAddress => _app.BaseAddress;
    public HttpClient Client { get; }

    /// <summary>The board's own store: what is kept, without going through the API.</summary>
    public MessageStore Store => _app.Services.GetRequiredService<MessageStore>();

    public static RunningBoard Start() => new(KestrelApp<Program>.Start());

    /// <summary>Puts <paramref name="count"/> messages on the board directly, "message 1", "message 2"...</summary>
    public void Seed(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            Store.Add("Seed", $"message {i}");
        }
    }

    public async Task<Answer> PostAsync(object draft)
    {
        using var content = JsonContent.Create(draft);
        using var response = await Client.PostAsync("/api/messages", content, Cancel);
        return await Answer.ReadAsync(response);
    }

    public async Task<Answer> PostAsync(string body, string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Client.PostAsync("/api/messages", content, Cancel);
        return await Answer.ReadAsync(response);
    }

    public async Task<Answer> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path, Cancel);
        return await Answer.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>A message as the API sends it; the names are the JSON's, read case-insensitively.</summary>
internal sealed record SentMessage(long Id, string Author, string Text, DateTimeOffset SentAt);

/// <summary>The figures of GET /api/stats.</summary>
internal sealed record SentStats(long Requests, long EmptyResponses, int Messages, int Waiting);

/// <summary>What the server answered, read whole, so a failing test can print it.</summary>
internal sealed record Answer(HttpStatusCode Status, string? MediaType, Uri? Location, string Body)
{
    public static async Task<Answer> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        response.Content.Headers.ContentType?.MediaType,
        response.Headers.Location,
        await response.Content.ReadAsStringAsync(RunningBoard.Cancel));

    public T Json<T>() => JsonSerializer.Deserialize<T>(Body, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"The server answered JSON null: {this}");

    /// <summary>The fields a validation problem names (<c>"errors": {"text": [...]}</c>); empty when there are none.</summary>
    public IReadOnlyCollection<string> ErrorFields => ReadProblem<IReadOnlyCollection<string>>(problem =>
        problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? [.. errors.EnumerateObject().Select(error => error.Name)]
            : [], []);

    /// <summary>The words of a problem for the client: its <c>detail</c> and every reason in its <c>errors</c>, one per line.</summary>
    public string Explanation => ReadProblem(problem =>
    {
        var words = new List<string>();
        if (problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
        {
            words.Add(detail.GetString()!);
        }
        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            words.AddRange(errors.EnumerateObject().SelectMany(error => error.Value.ValueKind == JsonValueKind.Array
                ? error.Value.EnumerateArray().Select(reason => reason.ToString())
                : []));
        }
        return string.Join('\n', words);
    }, "");

    /// <summary>Reads the body as a problem (a JSON object); <paramref name="otherwise"/> when it is not one.</summary>
    private T ReadProblem<T>(Func<JsonElement, T> read, T otherwise)
    {
        try
        {
            using var json = JsonDocument.Parse(Body);
            return json.RootElement.ValueKind == JsonValueKind.Object ? read(json.RootElement) : otherwise;
        }
        catch (JsonException)
        {
            return otherwise;
        }
    }

    /// <summary>The status and the body, as a failure message shows them: a 500 of an unfinished TODO names it here.</summary>
    public override string ToString() =>
        $"{(int)Status} {Status} ({MediaType ?? "no content type"}){(Location is null ? "" : $", Location: {Location}")}: {(Body.Length == 0 ? "(empty body)" : Body)}";
}
