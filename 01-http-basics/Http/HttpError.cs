namespace HttpBasics.Http;

/// <summary>
/// A request the server refuses: the status code to answer with, and a sentence that tells the client why.
/// Bad input is an expected outcome, so it travels as a value, not as an exception.
/// </summary>
public sealed record HttpError(int StatusCode, string Reason);
