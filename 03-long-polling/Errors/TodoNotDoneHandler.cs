using Microsoft.AspNetCore.Diagnostics;

namespace LongPolling.Errors;

/// <summary>
/// An unfinished TODO answers in the learner's own tools: its <see cref="NotImplementedException"/> becomes a 500
/// whose problem details carry the TODO's message, so curl, the browser and the tests all say which TODO is missing.
/// Any other exception is left to the default handler: a 500 that tells the client nothing about the server's inside.
/// </summary>
public sealed class TodoNotDoneHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NotImplementedException notDone)
        {
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status500InternalServerError, Title = "A TODO is not done yet", Detail = notDone.Message },
        });
    }
}
