using System.Text;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Growth;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Prompting;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silo.Streams;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// One conversation: participants, turn policy, the message log and the generation loop.
/// <para>
/// <see cref="Send"/> stores the human message durably before any model is asked, interrupts a turn in progress
/// (waiting until its partial reply is stored, so the log stays in order), and starts the new turn as background
/// work of this activation: its code runs between this grain's calls, never alongside them, and it keeps running
/// when nobody listens. Every reply is appended to the log when it starts (Streaming) and completed once when it
/// ends (Complete, Interrupted or Failed with its partial text); a reply cut off by a crash is marked Failed on the
/// next activation. Every event gets the next sequence number and goes to the conversation's stream and to a
/// bounded buffer for resuming subscribers.
/// </para>
/// </summary>
public sealed partial class ChatSessionGrain(
    [PersistentState("conversation")] IPersistentState<ConversationState> state,
    IConversationLog log,
    IPromptBuilder prompts,
    ILlmGateway llm,
    IRandomSource random,
    ConceptExtractor concepts,
    ISessionSummaryStore summaries,
    ThreadSummarizer summarizer,
    IEmbedder embedder,
    MidTermMemoryOptions midTerm,
    RetrievalOptions retrieval,
    LongTermMemoryOptions longTerm,
    SelfReflectionTrigger reflection,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ILogger<ChatSessionGrain> logger) : Grain, IChatSessionGrain
{
    /// <summary>What a character says when its model failed before saying anything and the persona has no line of its own.</summary>
    public const string DefaultFallbackLine = "申し訳ございません。一時的なエラーが発生しました。";

    private readonly ConversationOptions _options = options.Value;
    private readonly MidTermMemoryOptions _midTerm = midTerm;
    private readonly RetrievalOptions _retrieval = retrieval;
    private readonly int _longTermMax = longTerm.MaxRecall;
    private readonly TurnPlanner _planner = new(random);
    private readonly List<ChatMessage> _history = [];
    private readonly RecentMessages _recent = new(options.Value.RecentMessages);
    private Task _stateWrites = Task.CompletedTask;
    private Task _learning = Task.CompletedTask;
    // Opens when the turn's first reply has its first token (or the turn ends): lessons wait for it, so learning never
    // competes with the model call and the first token for the two cores a small machine has.
    private TaskCompletionSource _lessonsMayStart = Opened();
    private IAsyncStream<ConversationEvent>? _stream;
    private EventBuffer? _events;
    private long _lastSeq;
    private long _nextIndex;
    private string? _lastCharacterId;
    private IReadOnlySet<string> _spokeLastTurn = new HashSet<string>();
    private Turn? _turn;

    private string Id => GetPrimaryKeyString();

    private ConversationState Conversation => state.State.Exists ? state.State : throw new KeyNotFoundException($"Conversation {Id} does not exist.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = GetStreamProvider(ConversationStreams.Provider).GetStream<ConversationEvent>(ConversationStreams.For(Id));
        _lastSeq = state.State.SequenceReservedUntil;
        _events = new EventBuffer(_options.EventBufferSize, _lastSeq + 1);
        if (!state.State.Exists)
        {
            return;
        }

        _nextIndex = await log.NextIndexAsync(Id, cancellationToken);
        await log.FailUnfinishedAsync(Id, "The reply was cut off: the server stopped while it was being generated.", time.GetUtcNow(), cancellationToken);
        await LoadRecentAsync(cancellationToken);
        _lastCharacterId = _history.LastOrDefault(m => m.SpeakerKind == SpeakerKind.Character)?.SpeakerId;
    }

    public async Task<ConversationInfo> Create(ConversationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (state.State.Exists)
        {
            throw new InvalidOperationException($"Conversation {Id} already exists.");
        }

        ValidateMember(spec.Owner, nameof(spec.Owner));
        var characters = await MembersOf(spec.CharacterIds);
        var title = ValidTitle(spec.Title) ?? string.Join("、", characters.Select(c => c.Name));
        var policy = ValidPolicy(spec.Policy);
        var maxAutoTurns = ValidMaxAutoTurns(spec.MaxAutoTurns);
        await ChangeStateAsync(s =>
        {
            s.Exists = true;
            s.Title = title;
            s.Policy = policy;
            s.MaxAutoTurns = maxAutoTurns;
            s.Characters = characters;
            s.Humans = [spec.Owner];
            s.OwnerId = spec.Owner.Id;
            s.CreatedAt = time.GetUtcNow();
        });
        await User(spec.Owner.Id).JoinedConversation(Id);
        return Snapshot();
    }

    public Task<ConversationInfo?> Info() => Task.FromResult(state.State.Exists ? Snapshot() : null);

    public async Task<ConversationInfo> Update(ConversationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _ = Conversation;
        var characters = update.CharacterIds is null ? null : await MembersOf(update.CharacterIds);
        var title = ValidTitle(update.Title);
        var policy = update.Policy is { } p ? ValidPolicy(p) : (TurnPolicy?)null;
        var maxAutoTurns = update.MaxAutoTurns is { } m ? ValidMaxAutoTurns(m) : (int?)null;
        await ChangeStateAsync(s =>
        {
            s.Title = title ?? s.Title;
            s.Policy = policy ?? s.Policy;
            s.MaxAutoTurns = maxAutoTurns ?? s.MaxAutoTurns;
            s.Characters = characters ?? s.Characters;
        });
        return Snapshot();
    }

    public async Task<ConversationInfo> AddHuman(ConversationMember human)
    {
        ValidateMember(human, nameof(human));
        var conversation = Conversation;
        if (conversation.Humans.All(h => h.Id != human.Id))
        {
            if (conversation.Humans.Count + conversation.Characters.Count >= _options.MaxParticipants)
            {
                throw new ArgumentException($"A conversation has at most {_options.MaxParticipants} participants.", nameof(human));
            }

            await ChangeStateAsync(s => s.Humans.Add(human));
        }

        await User(human.Id).JoinedConversation(Id);

        return Snapshot();
    }

    public async Task<ConversationInfo> RemoveHuman(string userId)
    {
        var conversation = Conversation;
        if (userId == conversation.OwnerId)
        {
            throw new InvalidOperationException("The owner cannot leave their own conversation; delete it instead.");
        }

        if (conversation.Humans.Any(h => h.Id == userId))
        {
            await ChangeStateAsync(s => s.Humans.RemoveAll(h => h.Id == userId));
        }

        await User(userId).LeftConversation(Id);

        return Snapshot();
    }

    public async Task<ChatMessage> Send(string userId, string content, IReadOnlyList<string>? characterIds = null)
    {
        var conversation = Conversation;
        var sender = conversation.Humans.FirstOrDefault(h => h.Id == userId)
            ?? throw new UnauthorizedAccessException($"User {userId} is not a participant of conversation {Id}.");
        ValidateContent(content);
        var unknown = characterIds?.FirstOrDefault(id => conversation.Characters.All(c => c.Id != id));
        if (unknown is not null)
        {
            throw new ArgumentException($"Character {unknown} is not in conversation {Id}.", nameof(characterIds));
        }

        // The turn in progress ends first, so its partial reply is stored before this message.
        await StopTurnAsync();
        var now = time.GetUtcNow();
        var message = new ChatMessage(NewMessageId(), Id, _nextIndex++, SpeakerKind.Human, sender.Id, sender.Name, content, MessageStatus.Complete, now, now);
        await log.AppendAsync(message, CancellationToken.None);
        _recent.Add(message);
        Remember(message);
        await PublishAsync((seq, at) => new MessageCompleted(Id, seq, at, message));
        // A gate left closed by a turn that never started (a failure after this point) must not hold lessons forever.
        _lessonsMayStart.TrySetResult();
        _lessonsMayStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Learn(conversation.Characters.Select(c => c.Id), message);
        await ReactAsync(conversation, content);
        await AdaptStyleAsync(sender.Id, content);

        var profiles = await ProfilesAsync();
        var plan = _planner.Plan(content, characterIds, PlannerCharacters(profiles), conversation.Policy, _lastCharacterId, _spokeLastTurn);
        var turn = new Turn(message);
        _turn = turn;
        turn.Run = RunInBackground(lifetime => RunTurnAsync(turn, plan, profiles, lifetime));
        return message;
    }

    public async Task Interrupt(string userId)
    {
        if (Conversation.Humans.All(h => h.Id != userId))
        {
            throw new UnauthorizedAccessException($"User {userId} is not a participant of conversation {Id}.");
        }

        await StopTurnAsync();
    }

    public Task<IReadOnlyList<ChatMessage>> Messages(long? beforeIndex, int limit)
    {
        _ = Conversation;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 500);
        return _recent.TryRead(beforeIndex, limit) is { } recent ? Task.FromResult(recent) : log.ReadAsync(Id, beforeIndex, limit, CancellationToken.None);
    }

    public Task<EventReplay> EventsAfter(long afterSeq)
    {
        _ = Conversation;
        return Task.FromResult(_events!.After(afterSeq, _lastSeq));
    }

    public async Task RateMessage(string userId, string messageId, FeedbackRating rating)
    {
        if (Conversation.Humans.All(h => h.Id != userId))
        {
            throw new UnauthorizedAccessException($"User {userId} is not a participant of conversation {Id}.");
        }

        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentException($"{rating} is not a rating.", nameof(rating));
        }

        var message = await log.FindAsync(messageId, CancellationToken.None);
        if (message is null || message.ConversationId != Id)
        {
            throw new KeyNotFoundException($"Message {messageId} is not in conversation {Id}.");
        }

        if (message.SpeakerKind != SpeakerKind.Character)
        {
            throw new ArgumentException("Only a character's reply can be rated.", nameof(messageId));
        }

        // Ratings do not interleave with each other, so nothing rates this message between the read and the write.
        var earlier = await log.FeedbackAsync(message.Id, CancellationToken.None);
        await log.RateAsync(new MessageFeedback(message.Id, Id, message.SpeakerId, userId, rating, time.GetUtcNow()), CancellationToken.None);
        // A changed mind changes the stored rating only: counting it again would let 👍, 👎, 👍 farm experience.
        if (earlier.All(f => f.UserId != userId))
        {
            await GrowAsync(message.SpeakerId, rating == FeedbackRating.Up ? GrowthKpi.ThumbsUp : GrowthKpi.ThumbsDown);
        }

        if (rating == FeedbackRating.Down && earlier.All(f => f.UserId != userId || f.Rating != FeedbackRating.Down))
        {
            await ReflectAsync(message.SpeakerId, (userId, message));
        }
    }

    public async Task Delete(string userId)
    {
        if (!state.State.Exists)
        {
            return;
        }

        if (userId != state.State.OwnerId)
        {
            throw new UnauthorizedAccessException($"Only the owner may delete conversation {Id}.");
        }

        await StopTurnAsync();
        var humans = state.State.Humans.Select(h => h.Id).ToList();
        await log.DeleteAsync(Id, CancellationToken.None);
        await summaries.DeleteConversationAsync(Id, CancellationToken.None);
        if (await GetReminder(IdleFlushReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        await (_stateWrites = AfterAsync(_stateWrites, () => state.ClearStateAsync()));
        foreach (var human in humans)
        {
            await User(human).LeftConversation(Id);
            await User(human).SessionsChanged();
        }

        _history.Clear();
        _recent.Clear();
        DeactivateOnIdle();
    }

    private async Task RunTurnAsync(Turn turn, TurnPlan plan, Dictionary<string, CharacterProfile> profiles, CancellationToken lifetime)
    {
        using var owned = turn;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(lifetime, turn.Stopping);
        var token = cancellation.Token;
        var replies = new List<string>();
        var spoke = new HashSet<string>(StringComparer.Ordinal);
        var reason = TurnEndReason.Done;
        if (plan.Responders.Count == 0)
        {
            reason = TurnEndReason.NoResponder;
        }
        else if (plan.Concurrent)
        {
            // Each reply sees the conversation up to the human message, not the others' replies.
            var seen = _history.ToList();
            var outcomes = await Task.WhenAll(plan.Responders.Select(id => ReplyAsync(id, profiles, seen, turn.Message.SpeakerId, token)));
            replies.AddRange(outcomes.Where(o => o is not null).Select(o => o!.MessageId));
            spoke.UnionWith(outcomes.Where(o => o is not null).Select(o => o!.SpeakerId));
        }
        else
        {
            Reply? last = null;
            foreach (var id in plan.Responders)
            {
                if (token.IsCancellationRequested)
                {
                    break;
                }

                // A character that is gone gives no reply; the last one that did still leads the follow-ups.
                if (await ReplyAsync(id, profiles, null, turn.Message.SpeakerId, token) is { } reply)
                {
                    last = reply;
                    replies.Add(reply.MessageId);
                    spoke.Add(reply.SpeakerId);
                }
            }

            for (var autoTurns = 0; last is { Status: MessageStatus.Complete } && !token.IsCancellationRequested;)
            {
                var next = TurnPlanner.FollowUp(last.SpeakerId, last.Text, last.HandOverTo, PlannerCharacters(profiles), Conversation.Policy);
                if (next is null)
                {
                    break;
                }

                if (autoTurns++ >= Conversation.MaxAutoTurns)
                {
                    reason = TurnEndReason.MaxAutoTurns;
                    break;
                }

                last = await ReplyAsync(next, profiles, null, turn.Message.SpeakerId, token);
                if (last is not null)
                {
                    replies.Add(last.MessageId);
                    spoke.Add(last.SpeakerId);
                }
            }
        }

        if (token.IsCancellationRequested)
        {
            reason = TurnEndReason.Interrupted;
        }

        // Lessons never hold up a reply, but a finished turn has been learned from (what tests and followers rely on).
        _lessonsMayStart.TrySetResult();
        await _learning.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        // After the last reply, so growth never delays one; before complete_state, so a finished turn has been counted.
        await Task.WhenAll(spoke.Select(id => GrowAsync(id, GrowthKpi.Conversation)));
        await ReflectAfterTurnAsync(spoke);
        await AfterTurnForMidTermAsync();
        _spokeLastTurn = spoke;
        if (ReferenceEquals(_turn, turn))
        {
            _turn = null;
        }

        await PublishAsync((seq, at) => new TurnCompleted(Id, seq, at, turn.Message.Id, reason, replies));
    }

    /// <summary>
    /// One character's reply, streamed as events and stored; its tokens count against <paramref name="payer"/>'s
    /// daily quota. Returns null when the character is gone.
    /// </summary>
    private async Task<Reply?> ReplyAsync(string characterId, Dictionary<string, CharacterProfile> profiles, IReadOnlyList<ChatMessage>? seen, string payer, CancellationToken cancellationToken)
    {
        if (!profiles.TryGetValue(characterId, out var profile) || Conversation.Characters.All(c => c.Id != characterId))
        {
            await PublishAsync((seq, at) => new ConversationError(Id, seq, at, ConversationErrorCodes.CharacterMissing, $"Character {characterId} no longer exists.", null));
            return null;
        }

        var persona = profile.Persona;
        var started = new ChatMessage(NewMessageId(), Id, _nextIndex++, SpeakerKind.Character, characterId, persona.Name, string.Empty, MessageStatus.Streaming, time.GetUtcNow());
        // Ordered before the completion write; the model is asked without waiting for this write.
        var appended = AppendAsync(started);
        await PublishAsync((seq, at) => new MessageStarted(Id, seq, at, started.Id, started.Index, SpeakerKind.Character, characterId, persona.Name));

        var others = profiles.Values.Where(p => p.Id != characterId && Conversation.Characters.Any(c => c.Id == p.Id))
            .Select(p => new CharacterParticipant(p.Id, p.Persona.Name, p.Persona.Aliases)).ToList();
        var filter = new ReplyFilter(persona.Name, persona.Aliases, [.. others.SelectMany(o => (string[])[o.Name, .. o.Aliases]), .. Conversation.Humans.Select(h => h.Name)]);
        var text = new StringBuilder();
        var startedAt = time.GetTimestamp();
        double? firstToken = null;
        var tokensReceived = 0;
        LlmCompleted? completed = null;
        var status = MessageStatus.Complete;
        (string Code, string Message)? failure = null;
        try
        {
            var history = seen ?? _history;
            var moodCall = GrainFactory.GetGrain<ICharacterGrain>(characterId).Mood();
            // What the speaker recalls of whoever sent the message being answered: in a room of several humans, the one asking.
            var (memory, style) = await RecollectAsync(characterId, payer, history);
            var mood = await moodCall;
            var prompt = prompts.Build(new PromptContext(characterId, persona, others, Conversation.Humans, history, EmotionTone: mood?.Tone, Memory: memory, UserStyle: style));
            var request = new LlmChatRequest(string.Empty, prompt.Messages, Stop: prompt.StopSequences);
            await foreach (var item in llm.StreamAsync(persona.Model, request, cancellationToken).WithCancellation(cancellationToken))
            {
                switch (item)
                {
                    case LlmToken token:
                        firstToken ??= time.GetElapsedTime(startedAt).TotalMilliseconds;
                        _lessonsMayStart.TrySetResult();
                        tokensReceived++;
                        await EmitAsync(started.Id, filter.Push(token.Text), text);
                        break;
                    case LlmThinking thinking:
                        await PublishAsync((seq, at) => new Thinking(Id, seq, at, started.Id, thinking.Text));
                        break;
                    case LlmCompleted done:
                        completed = done;
                        break;
                }

                if (filter.StoppedAtOtherSpeaker)
                {
                    break;
                }
            }

            await EmitAsync(started.Id, filter.Complete(), text);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = MessageStatus.Interrupted;
        }
        catch (LlmException ex)
        {
            status = MessageStatus.Failed;
            failure = (ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            // A prompt that cannot be built (a persona naming an unknown template, ...) fails this reply, not the conversation.
            LogReplyFailed(ex, Id, characterId);
            status = MessageStatus.Failed;
            failure = (ConversationErrorCodes.ReplyFailed, ex.Message);
        }

        if (status == MessageStatus.Failed && text.Length == 0)
        {
            text.Append(persona.FallbackLine ?? DefaultFallbackLine);
        }

        var usage = completed is null
            ? null
            : new ReplyUsage(completed.Provider, completed.Model, completed.PromptTokens, completed.CompletionTokens, firstToken ?? 0, time.GetElapsedTime(startedAt).TotalMilliseconds, completed.UsedFallback);
        var final = started with { Content = text.ToString(), Status = status, CompletedAt = time.GetUtcNow(), Error = failure?.Message, Usage = usage };
        await appended;
        await log.CompleteAsync(final, CancellationToken.None);
        _recent.Replace(final);
        Remember(final);
        _lastCharacterId = characterId;
        if (failure is { } error)
        {
            await PublishAsync((seq, at) => new ConversationError(Id, seq, at, error.Code, error.Message, final.Id));
        }

        await PublishAsync((seq, at) => new MessageCompleted(Id, seq, at, final));
        if (status != MessageStatus.Failed)
        {
            // A failed reply's text is a fallback line or a cut fragment, not something the character meant to say.
            Learn([characterId], final);
        }

        await ChargeAsync(payer, usage is null ? tokensReceived : (long)usage.PromptTokens + usage.CompletionTokens);
        return new Reply(final.Id, characterId, status, final.Content, filter.HandOverTo);
    }

    /// <summary>
    /// Counts a reply's tokens against the sender's quota: what the model reported, or for a cut or interrupted
    /// reply the streamed chunks (one token each). A failure here is logged; the reply itself stands.
    /// </summary>
    private async Task ChargeAsync(string payer, long tokens)
    {
        try
        {
            await User(payer).RecordTokenUsage(tokens);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogChargeFailed(ex, Id, payer, tokens);
        }
    }

    /// <summary>
    /// The sender's dialogue style learns from what they said, before the replies are prompted. A failure here is
    /// logged: the message is already stored, and the replies fall back to the style as it was.
    /// </summary>
    private async Task AdaptStyleAsync(string userId, string content)
    {
        try
        {
            await User(userId).AdaptStyle(content);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStyleFailed(ex, Id, userId);
        }
    }

    private IUserGrain User(string userId) => GrainFactory.GetGrain<IUserGrain>(userId);

    private async ValueTask EmitAsync(string messageId, string visible, StringBuilder text)
    {
        if (visible.Length > 0)
        {
            text.Append(visible);
            await PublishAsync((seq, at) => new MessageChunk(Id, seq, at, messageId, visible));
        }
    }

    /// <summary>Cancels the turn in progress and waits until it has stored what it had.</summary>
    private async Task StopTurnAsync()
    {
        if (_turn is not { } turn)
        {
            return;
        }

        turn.Stop();
        await turn.Run!;
    }

    private async ValueTask PublishAsync(Func<long, DateTimeOffset, ConversationEvent> create)
    {
        if (_lastSeq >= state.State.SequenceReservedUntil)
        {
            var reserveUntil = _lastSeq + _options.SequenceBlock;
            await ChangeStateAsync(s => s.SequenceReservedUntil = Math.Max(s.SequenceReservedUntil, reserveUntil));
        }

        var @event = create(++_lastSeq, time.GetUtcNow());
        _events!.Add(@event);
        await _stream!.OnNextAsync(@event);
    }

    /// <summary>
    /// Background replies interleave with calls at awaits, so two writes could overlap (the second would carry a
    /// stale ETag). Each change waits for the one before it, is applied to a copy of the committed state, and is
    /// undone in memory if its write fails, so the activation never believes what storage does not hold.
    /// </summary>
    private Task ChangeStateAsync(Action<ConversationState> change) =>
        _stateWrites = AfterAsync(_stateWrites, async () =>
        {
            var next = state.State.Copy();
            change(next);
            await state.ReplaceStateAsync(next);
        });

    private static async Task AfterAsync(Task previous, Func<Task> change)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        await change();
    }

    private async Task AppendAsync(ChatMessage message)
    {
        await log.AppendAsync(message, CancellationToken.None);
        _recent.Add(message);
    }

    private void Remember(ChatMessage message)
    {
        _history.Add(message);
        if (_history.Count > _options.HistoryWindow)
        {
            _history.RemoveRange(0, _history.Count - _options.HistoryWindow);
        }
    }

    /// <summary>Every character in the room hears the message: its emotions move, and a change is an event.</summary>
    private async Task ReactAsync(ConversationState conversation, string content)
    {
        foreach (var character in conversation.Characters)
        {
            CharacterMood? mood;
            try
            {
                mood = await GrainFactory.GetGrain<ICharacterGrain>(character.Id).React(content);
            }
            catch (KeyNotFoundException)
            {
                continue; // deleted since it joined; its turn reports it
            }

            if (mood is not null)
            {
                await PublishAsync((seq, at) => new EmotionChanged(Id, seq, at, character.Id, mood.Emotions, mood.Dominant));
            }
        }
    }

    /// <summary>
    /// The characters learn from a stored message in message order (its concepts; a human's message they also
    /// consider remembering of that human), without anyone awaiting it but the turn, before its complete_state (which
    /// also keeps the activation alive until they are done). A failed lesson is logged: it must not fail the
    /// conversation.
    /// </summary>
    private void Learn(IEnumerable<string> characterIds, ChatMessage message) =>
        _learning = LearnAfterAsync(_learning, _lessonsMayStart.Task, [.. characterIds], message);

    private async Task LearnAfterAsync(Task previous, Task mayStart, List<string> characterIds, ChatMessage message)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        await mayStart;
        var said = concepts.Extract(message.Content);
        // A character remembers what humans tell it, not what it says itself.
        var told = message.SpeakerKind == SpeakerKind.Human ? message : null;
        // What a human says is theirs; what a character says in a room is known to the humans in it.
        IReadOnlyList<string> heardFrom = told is not null ? [told.SpeakerId] : [.. Conversation.Humans.Select(h => h.Id)];
        await Task.WhenAll(characterIds.Select(id => LearnAsync(id, said, heardFrom, told)));
        if (told is not null)
        {
            await NoteInterestsAsync(told.SpeakerId, said, characterIds);
        }
    }

    private async Task NoteInterestsAsync(string userId, IReadOnlyList<string> said, IReadOnlyList<string> characterIds)
    {
        try
        {
            await User(userId).NoteInterests(said, characterIds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStyleFailed(ex, Id, userId);
        }
    }

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource();
        opened.SetResult();
        return opened;
    }

    private async Task LearnAsync(string characterId, IReadOnlyList<string> said, IReadOnlyList<string> heardFrom, ChatMessage? told)
    {
        var character = GrainFactory.GetGrain<ICharacterGrain>(characterId);
        try
        {
            // Remembered before its concepts are learned: a statement's relatedness is what the character knew before it.
            if (told is not null)
            {
                await character.Remember(told.SpeakerId, told.Content, told.Id);
            }

            if (said.Count > 0)
            {
                await character.LearnConcepts(said, heardFrom);
            }
        }
        catch (KeyNotFoundException)
        {
            // Deleted since it joined; its turn reports it.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLearningFailed(ex, Id, characterId);
        }
    }

    /// <summary>
    /// Counts a KPI event toward a character's growth and announces each level it reached. A failure is logged: the
    /// rating or turn that caused it already happened and must not fail because of it.
    /// </summary>
    private async Task GrowAsync(string characterId, GrowthKpi kpi)
    {
        GrowthProgress progress;
        try
        {
            progress = await GrainFactory.GetGrain<ICharacterGrain>(characterId).RecordGrowth(kpi);
        }
        catch (KeyNotFoundException)
        {
            return; // deleted since it replied; nothing is left to grow
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogGrowthFailed(ex, Id, characterId, kpi);
            return;
        }

        foreach (var reached in progress.LevelsReached)
        {
            await PublishAsync((seq, at) => new LevelUp(Id, seq, at, characterId, reached.Level, reached.Unlocked));
        }
    }

    private async Task<Dictionary<string, CharacterProfile>> ProfilesAsync()
    {
        var profiles = await Task.WhenAll(Conversation.Characters.Select(c => GrainFactory.GetGrain<ICharacterGrain>(c.Id).Profile()));
        return profiles.OfType<CharacterProfile>().ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    private List<PlannerCharacter> PlannerCharacters(Dictionary<string, CharacterProfile> profiles) =>
    [
        .. Conversation.Characters
            .Where(c => profiles.ContainsKey(c.Id))
            .Select(c => profiles[c.Id].Persona is var p ? new PlannerCharacter(c.Id, p.Name, p.Aliases, p.Keywords, p.Talkativeness) : null!),
    ];

    private async Task<List<ConversationMember>> MembersOf(IReadOnlyList<string> characterIds)
    {
        ArgumentNullException.ThrowIfNull(characterIds);
        var ids = characterIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || ids.Count >= _options.MaxParticipants)
        {
            throw new ArgumentException($"A conversation needs between 1 and {_options.MaxParticipants - 1} characters.", nameof(characterIds));
        }

        var members = new List<ConversationMember>();
        foreach (var id in ids)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id, nameof(characterIds));
            var profile = await GrainFactory.GetGrain<ICharacterGrain>(id).Profile()
                ?? throw new ArgumentException($"Character {id} does not exist.", nameof(characterIds));
            members.Add(new ConversationMember(profile.Id, profile.Persona.Name));
        }

        return members;
    }

    private string? ValidTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > _options.MaxTitleLength || title.Any(char.IsControl))
        {
            throw new ArgumentException($"A title must be 1 to {_options.MaxTitleLength} characters without control characters.", nameof(title));
        }

        return title;
    }

    private static TurnPolicy ValidPolicy(TurnPolicy policy) =>
        Enum.IsDefined(policy) ? policy : throw new ArgumentException($"{policy} is not a turn policy.", nameof(policy));

    private int ValidMaxAutoTurns(int maxAutoTurns) =>
        maxAutoTurns >= 0 && maxAutoTurns <= _options.MaxAutoTurnsLimit
            ? maxAutoTurns
            : throw new ArgumentException($"MaxAutoTurns must be between 0 and {_options.MaxAutoTurnsLimit}.", nameof(maxAutoTurns));

    private static void ValidateMember(ConversationMember member, string parameter)
    {
        ArgumentNullException.ThrowIfNull(member, parameter);
        if (string.IsNullOrWhiteSpace(member.Id) || string.IsNullOrWhiteSpace(member.Name))
        {
            throw new ArgumentException("A participant needs an id and a name.", parameter);
        }
    }

    private static void ValidateContent(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ArgumentException("A message must not be empty.", nameof(content));
        }

        if (content.Length > ConversationSpec.MaxMessageLength)
        {
            throw new ArgumentException($"A message is at most {ConversationSpec.MaxMessageLength} characters; this one has {content.Length}.", nameof(content));
        }

        for (var i = 0; i < content.Length; i++)
        {
            if (char.IsSurrogate(content[i]) && !(char.IsHighSurrogate(content[i]) && i + 1 < content.Length && char.IsLowSurrogate(content[++i])))
            {
                throw new ArgumentException("The message contains an unpaired surrogate (it is not valid Unicode text).", nameof(content));
            }
        }
    }

    private static string NewMessageId() => Guid.CreateVersion7().ToString("N");

    private ConversationInfo Snapshot()
    {
        var conversation = Conversation;
        return new ConversationInfo(Id, conversation.Title, conversation.Policy, conversation.MaxAutoTurns, [.. conversation.Characters], [.. conversation.Humans], conversation.OwnerId, conversation.CreatedAt, _lastSeq, _turn is not null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A reply of character {CharacterId} in conversation {ConversationId} failed")]
    private partial void LogReplyFailed(Exception exception, string conversationId, string characterId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation {ConversationId} could not count {Tokens} tokens against user {UserId}'s quota")]
    private partial void LogChargeFailed(Exception exception, string conversationId, string userId, long tokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}'s dialogue style or interests could not learn from a message in conversation {ConversationId}")]
    private partial void LogStyleFailed(Exception exception, string conversationId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Character {CharacterId} could not learn from a message in conversation {ConversationId}")]
    private partial void LogLearningFailed(Exception exception, string conversationId, string characterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Character {CharacterId} could not count a {Kpi} from conversation {ConversationId} toward its growth")]
    private partial void LogGrowthFailed(Exception exception, string conversationId, string characterId, GrowthKpi kpi);

    /// <summary>The replies to one human message, running in the background; disposed when it ends (it is no longer _turn then).</summary>
    private sealed class Turn(ChatMessage message) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public ChatMessage Message { get; } = message;

        public Task? Run { get; set; }

        public CancellationToken Stopping => _stop.Token;

        public void Stop() => _stop.Cancel();

        public void Dispose() => _stop.Dispose();
    }

    private sealed record Reply(string MessageId, string SpeakerId, MessageStatus Status, string Text, string? HandOverTo);

    public async Task<int> EraseHuman(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!state.State.Exists)
        {
            return 0;
        }

        if (userId == state.State.OwnerId)
        {
            throw new InvalidOperationException($"User {userId} owns conversation {Id}; it is deleted, not redacted.");
        }

        // No reply of theirs is written after the redaction, and no lesson teaches a character what they said after
        // their memories are forgotten (erasure forgets them once every conversation is done).
        // A flush under way stores its summary first, so erasing the user's summaries afterwards takes it too.
        await StopTurnAsync();
        _lessonsMayStart.TrySetResult();
        await _learning.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        await _flushing.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        if (state.State.Humans.Any(h => h.Id == userId))
        {
            await ChangeStateAsync(s => s.Humans.RemoveAll(h => h.Id == userId));
        }

        var redacted = await log.EraseHumanAsync(Id, userId, CancellationToken.None);
        await LoadRecentAsync(CancellationToken.None);
        _events = new EventBuffer(_options.EventBufferSize, _lastSeq + 1);
        await User(userId).LeftConversation(Id);
        return redacted;
    }

    /// <summary>The newest messages as the log holds them, into the page cache and the prompt history.</summary>
    private async Task LoadRecentAsync(CancellationToken cancellationToken)
    {
        var newest = await log.ReadAsync(Id, null, Math.Max(_options.HistoryWindow, _options.RecentMessages), cancellationToken);
        _recent.Load(newest);
        _history.Clear();
        _history.AddRange(newest.TakeLast(_options.HistoryWindow));
    }
}
