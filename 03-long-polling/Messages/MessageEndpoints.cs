using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using LongPolling.Stats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LongPolling.Messages;

/// <summary>
/// The board's HTTP API, as in step 02:
/// <list type="table">
/// <item><term>POST /api/messages</term><description><c>{"author", "text"}</c> as JSON: 201 with the stored message and its Location</description></item>
/// <item><term>GET /api/messages?after=7</term><description>200, the kept messages with an id greater than 7, oldest first</description></item>
/// <item><term>GET /api/messages/7</term><description>200, message 7; 404 when it is not kept</description></item>
/// </list>
/// Bad input gets <c>application/problem+json</c> that names what was wrong; nothing invalid is stored.
/// The read that waits for news, <c>GET /api/messages/wait?after=7</c>, is in <see cref="Waiting.WaitEndpoints"/>.
/// </summary>
public static class MessageEndpoints
{
    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/messages");
        messages.MapPost("/", PostAsync);
        messages.MapGet("/", Read);
        messages.MapGet("/{id:long}", Find);
    }

    /// <summary>POST /api/messages: store a message and say where it is.</summary>
    public static async Task<Results<Created<Message>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request, MessageStore store, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "Send the message as JSON, with the header Content-Type: application/json.");
        }
        if (await TryReadDraftAsync(request, cancellationToken) is not { } draft)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                detail: """The body is not a JSON object such as {"author": "Ana", "text": "hola"}.""");
        }
        if (!MessageRules.TryAccept(draft, out var accepted, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var message = store.Add(accepted.Value.Author, accepted.Value.Text);
        return TypedResults.Created($"/api/messages/{message.Id}", message);
    }

    /// <summary>GET /api/messages?after=7: the messages the client has not seen yet, oldest first.</summary>
    public static Results<Ok<IReadOnlyList<Message>>, ValidationProblem> Read(string? after, MessageStore store, ReadStats stats)
    {
        if (!TryReadAfter(after, out var afterId, out var problem))
        {
            return problem;
        }
        var messages = store.After(afterId);
        stats.CountRead(messages.Count);
        return TypedResults.Ok(messages);
    }

    /// <summary>GET /api/messages/7: one message, where the Location of a POST points.</summary>
    public static Results<Ok<Message>, NotFound> Find(long id, MessageStore store) =>
        store.Find(id) is { } message ? TypedResults.Ok(message) : TypedResults.NotFound();

    /// <summary>
    /// Reads the query's <c>after</c>: no value means 0 (every kept message); anything but a whole number 0 or more
    /// ("-1", "abc", "1.5") is refused with a validation problem that names <c>after</c>.
    /// </summary>
    public static bool TryReadAfter(string? after, out long afterId, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        afterId = 0;
        problem = null;
        if (after is null || long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterId))
        {
            return true;
        }
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["after"] = [$"'{after}' is not a message id: use a whole number, 0 or more, such as ?after=7."],
        });
        return false;
    }

    // A body that is not JSON, or JSON that is not an object, is no draft at all.
    private static async Task<MessageDraft?> TryReadDraftAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFromJsonAsync<MessageDraft>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
