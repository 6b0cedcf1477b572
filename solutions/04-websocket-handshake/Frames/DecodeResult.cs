namespace WebSocketHandshake.Frames;

/// <summary>What <see cref="FrameDecoder.Decode"/> made of the bytes it was given.</summary>
public abstract record DecodeResult
{
    /// <summary>The bytes hold part of a frame: read more and try again with all of them.</summary>
    public static readonly DecodeResult NeedMoreData = new Incomplete();

    public sealed record Incomplete : DecodeResult;

    /// <summary>A whole frame, which took the first <paramref name="Consumed"/> bytes.</summary>
    public sealed record Decoded(Frame Frame, int Consumed) : DecodeResult;

    /// <summary>The bytes break the protocol: close the connection with the error's code.</summary>
    public sealed record Invalid(ProtocolError Error) : DecodeResult;
}
