using Workshop.Testing;

namespace Polling.Tests;

/// <summary>
/// TODO 1: the store answers "what is new since the last message I have?".
/// These tests call the store directly: no server, no HTTP, only the method of TODO 1.
/// </summary>
[Todo(1)]
[RunsLong(2)]
public sealed class MessageStoreTests
{
    [Fact]
    public void After_returns_only_the_messages_with_a_greater_id()
    {
        var store = StoreWith(5);

        var ids = store.After(2).Select(message => message.Id);

        ids.Should().Equal([3L, 4L, 5L],
            "a client that has message 2 asks for what came after it: 3, 4 and 5, oldest first, and never 2 again (> not >=)");
    }

    [Fact]
    public void After_zero_returns_every_message_oldest_first()
    {
        var store = StoreWith(3);

        var texts = store.After(0).Select(message => message.Text);

        texts.Should().Equal(["message 1", "message 2", "message 3"], "ids start at 1, so after 0 means every kept message, in the order they arrived");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(99)]
    public void After_the_newest_id_returns_an_empty_list(long afterId)
    {
        var store = StoreWith(3);

        store.After(afterId).Should().BeEmpty("a client that already has message {0} has nothing new to read; most polls get this answer", afterId);
    }

    [Fact]
    public void After_returns_a_copy_that_later_messages_do_not_change()
    {
        var store = StoreWith(2);

        var read = store.After(0);
        store.Add("Ana", "later");

        read.Should().HaveCount(2,
            "the caller sends the list it got after the store's lock is released; a message added meanwhile must not appear in it " +
            "(return a new list, never the store's own)");
    }

    [Fact]
    public void After_an_id_older_than_the_kept_messages_returns_all_that_are_kept()
    {
        var store = StoreWith(MessageStore.Capacity + 3);

        var ids = store.After(2).Select(message => message.Id).ToList();

        ids.Should().HaveCount(MessageStore.Capacity, "the store keeps the newest {0}, and they all came after message 2", MessageStore.Capacity);
        ids.Should().Equal(Enumerable.Range(4, MessageStore.Capacity).Select(id => (long)id),
            "messages 1 to 3 are forgotten; compare ids, not positions in the list: after the oldest are dropped, message 4 sits at position 0");
    }

    [Fact]
    public async Task After_gives_whole_runs_of_messages_while_others_are_added()
    {
        var store = StoreWith(MessageStore.Capacity);
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Writers and readers hammer the store together for a while, or until one read goes wrong.
        bool Going() => problems.IsEmpty && clock.Elapsed < TimeSpan.FromSeconds(2);

        var writers = Enumerable.Range(0, 2).Select(writer => Task.Run(() =>
        {
            for (var i = 0; Going(); i++)
            {
                store.Add($"writer {writer}", $"message {i}");
            }
        }, RunningBoard.Cancel));
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(() =>
        {
            var afterId = 0L;
            while (Going())
            {
                try
                {
                    var ids = store.After(afterId).Select(message => message.Id).ToList();
                    if (ids.Count > 0 && (ids[0] <= afterId || ids.Zip(ids.Skip(1)).Any(pair => pair.Second != pair.First + 1)))
                    {
                        problems.Enqueue($"After({afterId}) returned ids {Describe(ids)}");
                    }
                    // Next, ask for somewhere among the kept messages: long reads give a writer time to cut in.
                    var newest = ids.Count > 0 ? ids[^1] : afterId;
                    afterId = Math.Max(0, newest - Random.Shared.Next(MessageStore.Capacity));
                }
                catch (Exception exception)
                {
                    problems.Enqueue($"After({afterId}) threw {exception.GetType().Name}: {exception.Message}");
                }
            }
        }, RunningBoard.Cancel));
        await Task.WhenAll([.. writers, .. readers]);

        problems.Should().BeEmpty(
            "while other requests add messages, every read must see the list as it was at one moment: ids greater than the one asked for, " +
            "one after another with none missing or repeated (read inside lock (_lock)); the reads saw:\n{0}",
            string.Join('\n', problems.Take(5)));
    }

    private static MessageStore StoreWith(int count)
    {
        var store = new MessageStore(TimeProvider.System);
        for (var i = 1; i <= count; i++)
        {
            store.Add("Seed", $"message {i}");
        }
        return store;
    }

    /// <summary>The ids around the first place where they stop following one another, or the ends of the list.</summary>
    private static string Describe(List<long> ids)
    {
        var gap = ids.Zip(ids.Skip(1)).ToList().FindIndex(pair => pair.Second != pair.First + 1);
        var around = gap < 0 ? ids.Take(6) : ids.Skip(Math.Max(0, gap - 2)).Take(5);
        return $"{string.Join(", ", around)}{(gap < 0 ? "" : $" (at position {gap + 1})")}, {ids.Count} ids in all";
    }
}
