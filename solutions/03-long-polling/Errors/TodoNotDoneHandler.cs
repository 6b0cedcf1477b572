using Microsoft.AspNetCore.Diagnostics;

namespace LongPolling.Errors;

/// <summary>
/// An unfinished TODO answers in the learner's own tools: its <see cref="NotImplementedException"/> becomes a 500
/// whose problem details carry the TODO's message, so curl, the browser and the tests all say which TODO is missing,
/// and the server's console says it too. Any other exception is left to the default handler: a 500 that tells the
/// client nothing about the server's inside.
/// </summary>
public sealed partial class TodoNotDoneHandler(IProblemDetailsService problems, ILogger<TodoNotDoneHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NotImplementedException notDone)
        {
            return false;
        }
        LogTodoNotDone(context.Request.Method, context.Request.Path, notDone.Message);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status500InternalServerError, Title = "A TODO is not done yet", Detail = notDone.Message },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} -> 500: {Todo}")]
    private partial void LogTodoNotDone(string method, string path, string todo);
}
