using Microsoft.AspNetCore.Diagnostics;

namespace LongPolling.Errors;

/// <summary>
/// A request that Kestrel refuses while the handler reads it (a body over the size limit) ends the read with a
/// <see cref="BadHttpRequestException"/> that carries its status code, such as 413. That is the client's mistake, not a
/// server failure: it answers with that code and the reason, as problem details, instead of a 500.
/// </summary>
public sealed class RefusedRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException refused)
        {
            return false;
        }
        context.Response.StatusCode = refused.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = refused.StatusCode, Detail = refused.Message },
        });
    }
}
