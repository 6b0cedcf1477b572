using Microsoft.Extensions.Options;

namespace LongPolling.Waiting;

/// <summary>
/// The settings of long polling, from the section <c>LongPolling</c> of the configuration: appsettings.json,
/// environment variables (<c>LongPolling__Timeout=00:00:10</c>) or the command line (<c>--LongPolling:Timeout 00:00:10</c>).
/// </summary>
public sealed class LongPollingOptions
{
    public const string Section = "LongPolling";

    /// <summary>How long a wait lasts when no message arrives; then it answers 204 No Content and the client asks again.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many waits may be in progress at once; a wait beyond them is refused with 503 and Retry-After.</summary>
    public int MaxWaiting { get; set; } = 10_000;

    /// <summary>The longest <see cref="Timeout"/> accepted: proxies and browsers give up on a silent request long before.</summary>
    public static readonly TimeSpan LongestTimeout = TimeSpan.FromHours(1);
}

/// <summary>Refuses settings the server cannot work with, when the program starts rather than at the first wait.</summary>
public sealed class LongPollingOptionsValidator : IValidateOptions<LongPollingOptions>
{
    public ValidateOptionsResult Validate(string? name, LongPollingOptions options)
    {
        var problems = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > LongPollingOptions.LongestTimeout)
        {
            problems.Add($"{LongPollingOptions.Section}:Timeout is {options.Timeout}; it must be more than zero and at most "
                + $"{LongPollingOptions.LongestTimeout}, such as 00:00:30 for 30 seconds");
        }
        if (options.MaxWaiting < 1)
        {
            problems.Add($"{LongPollingOptions.Section}:MaxWaiting is {options.MaxWaiting}; it must be 1 or more, such as 10000");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
