// Step 02: polling. A message board over plain HTTP: the page posts messages and asks "anything new?" every second.
// Run it and open the address it prints in two browser windows.
using Polling.Errors;
using Polling.Messages;
using Polling.Stats;

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

var app = builder.Build();

// Exceptions become problem details: a TODO not written yet is a 500 that names it, a refused body keeps its 413.
app.UseExceptionHandler();
// Bad requests the framework refuses on its own (a body far too large, say) answer with problem details too.
app.UseStatusCodePages();

// The page: index.html, app.js and style.css from wwwroot/.
app.UseDefaultFiles();
app.UseStaticFiles();

// The board: post a message, read the messages after an id.
app.MapMessages();

// The evidence: how many reads were served, and how many of them brought nothing new.
app.MapStats();

app.Run();
