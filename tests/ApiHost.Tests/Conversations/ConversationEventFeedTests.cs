using LlmMultiChat.ApiHost.Conversations;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using Microsoft.Extensions.DependencyInjection;
using Silo.Streams;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

public sealed class ConversationEventFeedTests
{
    [Fact]
    public async Task A_request_that_stops_reading_ends_with_an_error_after_a_bounded_number_of_events()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).GetProperty("id").GetString()!;
        var lastSeq = (await host.Grains.GetGrain<IChatSessionGrain>(id).Info())!.LastSeq;
        var streams = new DirectStreamProvider();
        await using var services = new ServiceCollection()
            .AddSingleton(host.Grains)
            .AddKeyedSingleton<IStreamProvider>(ConversationStreams.Provider, streams)
            .AddSingleton(TimeProvider.System)
            .BuildServiceProvider();
        await using var feed = ConversationEventFeed.Follow(services, id, lastSeq, CancellationToken.None);

        // More than the feed's queue and the reader's behind it can hold, while nobody reads.
        var stream = streams.GetStream<ConversationEvent>(ConversationStreams.For(id));
        var bound = ConversationEventFeed.ReadAhead + ConversationEventReader.LiveQueueLimit;
        for (var seq = lastSeq + 1; seq <= lastSeq + bound + 1; seq++)
        {
            await stream.OnNextAsync(new MessageChunk(id, seq, DateTimeOffset.UnixEpoch, "m1", "tok "));
        }

        var read = 0;
        await Assert.ThrowsAsync<ConversationFollowerBehindException>(async () =>
        {
            while (await feed.NextAsync(null, CancellationToken.None).WaitOrFail("the next queued event or the feed's error") is not null)
            {
                read++;
            }
        });
        Assert.InRange(read, 1, bound);
    }
}
