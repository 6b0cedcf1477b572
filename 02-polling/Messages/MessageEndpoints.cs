using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Polling.Stats;

namespace Polling.Messages;

/// <summary>
/// The board's HTTP API:
/// <list type="table">
/// <item><term>POST /api/messages</term><description><c>{"author", "text"}</c> as JSON: 201 with the stored message and its Location</description></item>
/// <item><term>GET /api/messages?after=7</term><description>200, the kept messages with an id greater than 7, oldest first</description></item>
/// <item><term>GET /api/messages/7</term><description>200, message 7; 404 when it is not kept</description></item>
/// </list>
/// Bad input gets <c>application/problem+json</c> that names what was wrong; nothing invalid is stored.
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
        // TODO 2: Accept a message: check that it is JSON, check it with MessageRules.TryAccept, store it, answer 201.
        //   Not JSON (request.HasJsonContentType() is false) -> 415 with TypedResults.Problem(statusCode: ..., detail: ...),
        //     whose detail names the header to send: Content-Type: application/json.
        //   A body that TryReadDraftAsync cannot read (null) -> 400 with TypedResults.Problem, whose detail says what to
        //     send instead: a JSON object with a text.
        //   Refused by the rules -> TypedResults.ValidationProblem(errors), a 400 whose errors name each wrong field.
        //   Accepted -> store.Add(author, text), then TypedResults.Created("/api/messages/<id>", message).
        throw new NotImplementedException("TODO 2: Accept a message: check that it is JSON, check it with MessageRules.TryAccept, store it, answer 201.");
    }

    /// <summary>GET /api/messages?after=7: the messages the client has not seen yet, oldest first.</summary>
    public static Results<Ok<IReadOnlyList<Message>>, ValidationProblem> Read(string? after, MessageStore store, ReadStats stats)
    {
        // TODO 3: Read the messages after the id in the query, count the read, and answer 200 with them.
        //   No "after" means 0 (every kept message). Anything but a whole number >= 0 ("-1", "abc", "1.5")
        //   -> TypedResults.ValidationProblem naming "after", with a reason that quotes the value ('abc' is not a message id).
        //   Count every answered read with stats.CountRead.
        throw new NotImplementedException("TODO 3: Read the messages after the id in the query, count the read, and answer 200 with them.");
    }

    /// <summary>GET /api/messages/7: one message, where the Location of a POST points.</summary>
    public static Results<Ok<Message>, NotFound> Find(long id, MessageStore store) =>
        store.Find(id) is { } message ? TypedResults.Ok(message) : TypedResults.NotFound();

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
