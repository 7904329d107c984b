using LlmMultiChat.Grains.Conversations.Events;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// The most recent events of one activation of a conversation, for subscribers that resume. It can vouch for every
/// event from <c>_coveredFrom</c> on: at first the activation's first sequence number (events of an earlier
/// activation are gone), then, as the ring overwrites old events, the oldest one still held.
/// </summary>
internal sealed class EventBuffer(int capacity, long firstSeq)
{
    private readonly ConversationEvent[] _ring = new ConversationEvent[capacity];
    private int _start;
    private int _count;
    private long _coveredFrom = firstSeq;

    public void Add(ConversationEvent @event)
    {
        if (_count < _ring.Length)
        {
            _ring[(_start + _count) % _ring.Length] = @event;
            _count++;
            return;
        }

        _coveredFrom = _ring[_start].Seq + 1;
        _ring[_start] = @event;
        _start = (_start + 1) % _ring.Length;
    }

    /// <summary>The buffered events after <paramref name="afterSeq"/>; incomplete when some after it can no longer be replayed.</summary>
    public EventReplay After(long afterSeq, long lastSeq)
    {
        var events = new List<ConversationEvent>();
        for (var i = 0; i < _count; i++)
        {
            var @event = _ring[(_start + i) % _ring.Length];
            if (@event.Seq > afterSeq)
            {
                events.Add(@event);
            }
        }

        var complete = afterSeq >= lastSeq || afterSeq >= _coveredFrom - 1;
        return new EventReplay(events, complete, lastSeq);
    }
}
