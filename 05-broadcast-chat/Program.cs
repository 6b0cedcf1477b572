// Step 05: a broadcast chat. The page at / opens ws://<host>/chat; every message sent there reaches every open page.
// Run it and open the address it prints in two browsers.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The page is copied next to the program, so it is found whatever folder the program is started from.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

var app = builder.Build();

app.UseDefaultFiles();
app.UseStaticFiles();
app.UseWebSockets();

app.Run();
