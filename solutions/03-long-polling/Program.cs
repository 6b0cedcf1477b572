// Step 03: long polling. The message board of step 02, where a read with nothing new waits on the server until a
// message arrives, instead of coming back empty. Run it and open the address it prints in two browser windows.
using LongPolling.Errors;
using LongPolling.Messages;
using LongPolling.Stats;
using LongPolling.Waiting;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The page is copied next to the program, so it is found whatever folder the program is started from.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
// A message is a few hundred bytes: a body of more than 64 KiB is refused (413) as soon as it is read.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
builder.Services.AddProblemDetails();
// An unfinished TODO answers 500 with problem details that name it; a body over the limit answers 413.
builder.Services.AddExceptionHandler<UnfinishedTodoHandler>();
builder.Services.AddExceptionHandler<RefusedRequestHandler>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MessageStore>();
builder.Services.AddSingleton<ReadStats>();

// The settings of the wait (LongPolling:Timeout, LongPolling:MaxWaiting), checked as the program starts.
builder.Services.AddOptions<LongPollingOptions>().BindConfiguration(LongPollingOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<LongPollingOptions>, LongPollingOptionsValidator>();
builder.Services.AddSingleton<WaitingRoom>();

var app = builder.Build();

// Exceptions become problem details: a TODO not written yet is a 500 that names it, a refused body keeps its 413.
app.UseExceptionHandler();
// Bad requests the framework refuses on its own (a body far too large, say) answer with problem details too.
app.UseStatusCodePages();

// The page: index.html, app.js and style.css from wwwroot/.
app.UseDefaultFiles();
app.UseStaticFiles();

// The board of step 02: post a message, read the messages after an id.
app.MapMessages();

// New in this step: read the messages after an id, waiting until there are some.
app.MapWait();

// The evidence: how many reads were answered, how many of them brought nothing new, how many are waiting now.
app.MapStats();

app.Run();
