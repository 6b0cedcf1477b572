using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Workshop.Bench.FanOut;

/// <summary>
/// The framework a .NET developer would reach for instead of the chat: an ASP.NET Core SignalR hub that broadcasts
/// each message it is sent to every connection, with SignalR's defaults. The benchmark runs it as a process of its own,
/// like the chat, so that the two servers' CPU and memory are measured the same way.
/// </summary>
public static class HubServer
{
    public const string Command = "signalr-hub";

    public const string Path = "/hub";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BroadcastHub>(Path);
        await app.RunAsync();
    }
}

/// <summary>The hub: <c>Send(text)</c> from any client reaches every client as a <c>message</c>, numbered in order.</summary>
public sealed class BroadcastHub : Hub
{
    private static long _lastId;

    public Task Send(string text) =>
        Clients.All.SendAsync(HubMessage.Method, new HubMessage(Interlocked.Increment(ref _lastId), new HubUser(Context.ConnectionId), text, DateTimeOffset.UtcNow));
}

/// <summary>What the hub broadcasts: the same fields as the chat's <c>message</c>, so both put the same text on the wire.</summary>
public sealed record HubMessage(long Id, HubUser From, string Text, DateTimeOffset SentAt)
{
    public const string Method = "message";
}

public sealed record HubUser(string Id);
