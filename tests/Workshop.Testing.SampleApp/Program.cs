// A stand-in for a step's app: a page in wwwroot/ and an endpoint that shows the configuration it was given.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapGet("/settings/{key}", (string key, IConfiguration configuration) =>
    configuration[key] is { } value ? Results.Text(value) : Results.NotFound());

app.Run();
