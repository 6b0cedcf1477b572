// Step 05: a broadcast chat. The page at / opens ws://<host>/chat; every message sent there reaches every open page.
// Run it and open the address it prints in two browsers.
using System.Net.WebSockets;
using BroadcastChat.Chat;
using BroadcastChat.Errors;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The page is copied next to the program, so it is found whatever folder the program is started from.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.Services.AddProblemDetails();
// An unfinished TODO before the upgrade answers 500 with problem details that name it.
builder.Services.AddExceptionHandler<UnfinishedTodoHandler>();
builder.Services.AddSingleton(TimeProvider.System);

// The chat's limits (Chat:MaxMessageLength, QueueLength, KeepAliveInterval, ...), checked as the program starts.
builder.Services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>();
builder.Services.AddSingleton<ChatRoom>();
builder.Services.AddSingleton<ChatReceiver>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

// The page: index.html, chat.mjs and chat.css from wwwroot/.
app.UseDefaultFiles();
app.UseStaticFiles();

// ASP.NET Core's own WebSocket support: the handshake and the frames that step 04 wrote by hand.
app.UseWebSockets();
app.MapChat("/chat");

// Stopping (Ctrl+C): every page hears "going away" (1001) from the server, instead of finding a dead connection.
var room = app.Services.GetRequiredService<ChatRoom>();
app.Lifetime.ApplicationStopping.Register(() => room.CloseAll(WebSocketCloseStatus.EndpointUnavailable, "the server is shutting down"));

app.Run();
