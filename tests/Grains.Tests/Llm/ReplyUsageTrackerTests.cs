using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Llm;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class ReplyUsageTrackerTests
{
    [Fact]
    public void Usage_has_the_answering_model_the_counts_and_the_times_on_the_clock()
    {
        var clock = new ManualTimeProvider();
        var tracker = new ReplyUsageTracker(clock);

        clock.Advance(TimeSpan.FromMilliseconds(1500));
        tracker.Observe(new LlmThinking("hmm"));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        tracker.Observe(new LlmToken("Hi"));
        Assert.Null(tracker.Usage);
        clock.Advance(TimeSpan.FromSeconds(3));
        tracker.Observe(new LlmCompleted("cloud", "backup", 40, 2, "stop", UsedFallback: true));

        Assert.Equal(new ReplyUsage("cloud", "backup", 40, 2, TimeToFirstTokenMs: 1500, TotalMs: 5000, UsedFallback: true), tracker.Usage);
    }
}
