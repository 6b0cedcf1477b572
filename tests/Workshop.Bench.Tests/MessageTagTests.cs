using FluentAssertions;
using Workshop.Bench.Measuring;
using Xunit;

namespace Workshop.Bench.Tests;

/// <summary>A run counts its own messages only: the tag on each text says which run and which message it is.</summary>
public sealed class MessageTagTests
{
    [Fact]
    public void A_text_of_the_run_gives_back_its_number()
    {
        var tag = new MessageTag("bench");

        tag.NumberOf(tag.TextOf(17)).Should().Be(17, "the number written into a text is the one read back from it");
        tag.TextOf(0).Should().StartWith("bench-", "the prefix says which kind of run sent it");
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("bench-")]
    public void A_text_without_the_tag_is_not_a_message_of_the_run(string text)
    {
        new MessageTag("bench").NumberOf(text).Should().Be(-1, "'{0}' was not sent by this run, so it must not count as one of its deliveries", text);
    }

    [Fact]
    public void Another_run_s_text_is_not_a_message_of_this_run()
    {
        var earlier = new MessageTag("fan");
        var now = new MessageTag("fan");

        now.NumberOf(earlier.TextOf(3)).Should().Be(-1,
            "a late broadcast of an earlier round has the same prefix but another tag, and must not count in this round");
    }

    [Theory]
    [InlineData(" x")]
    [InlineData(" -1")]
    [InlineData(" 1.5")]
    public void A_tagged_text_without_a_whole_number_is_not_a_message_of_the_run(string ending)
    {
        var tag = new MessageTag("bench");
        var text = tag.TextOf(1)[..^2] + ending;

        tag.NumberOf(text).Should().Be(-1, "'{0}' carries the tag but no message number", text);
    }
}
