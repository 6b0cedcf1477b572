// Step 04: the WebSocket handshake and frames, by hand. The page at / opens ws://<host>/ws; the endpoint there answers
// the HTTP upgrade itself (no UseWebSockets) and then speaks RFC 6455 frames on the same TCP connection.
// Run it and open the address it prints.
using WebSocketHandshake;
using WebSocketHandshake.Connection;
using WebSocketHandshake.Handshake;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The page is copied next to the program, so it is found whatever folder the program is started from.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
// WebSocket:MaxMessageBytes, KeepAliveInterval, KeepAliveTimeout and AllowedOrigins, from appsettings.json,
// the command line (--WebSocket:KeepAliveInterval=00:00:05) or the environment (WebSocket__MaxMessageBytes=1024).
builder.Services.AddOptions<WebSocketSettings>()
    .Bind(builder.Configuration.GetSection(WebSocketSettings.Section))
    .Validate(settings => settings.IsValid(out _), WebSocketSettings.Rules)
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<OpenConnections>();

var app = builder.Build();

// The page: index.html, app.mjs and style.css from wwwroot/.
app.UseDefaultFiles();
app.UseStaticFiles();

// The WebSocket endpoint: the handshake, then the connection's frames.
app.MapWebSocketEndpoint("/ws");

app.Run();
