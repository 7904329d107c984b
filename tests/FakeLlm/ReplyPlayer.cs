using LlmMultiChat.FakeLlm.Protocols;
using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;

namespace LlmMultiChat.FakeLlm;

/// <summary>Plays one scripted reply onto one response: delays, pacing on the server's clock, tokens, faults, the end.</summary>
internal sealed class ReplyPlayer(HttpContext http, FakeRequest request, FakeReply reply, ChatWire wire, FakeLlmServerOptions options, CancellationToken stop)
{
    private readonly ReplyContext _context = new(request.Model!, $"chatcmpl-fake-{request.Sequence}", options.Time.GetUtcNow(), options.Time);

    public async Task PlayAsync()
    {
        if (reply.Fault?.Kind == FakeFaultKind.Drop)
        {
            Cut();
            return;
        }

        if (reply.StatusCode != StatusCodes.Status200OK)
        {
            await DelayAsync(reply.FirstTokenDelay).ConfigureAwait(false);
            http.Response.StatusCode = reply.StatusCode;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(wire.Error(reply.StatusCode, reply.ErrorMessage), stop).ConfigureAwait(false);
            return;
        }

        var tokens = reply.Tokens ?? Scripting.FakeTokenizer.Split(FakeLlmServer.DefaultReplyText(request));
        var finishReason = reply.FinishReason;
        if (request.MaxTokens is { } limit && limit >= 0 && tokens.Count > limit)
        {
            tokens = tokens.Take(limit).ToList();
            finishReason = "length";
        }

        var summary = new ReplySummary(
            finishReason,
            reply.PromptTokens ?? request.Messages.Sum(m => FakeTokenizer.Count(m.Content)),
            reply.CompletionTokens ?? reply.Thinking.Count + tokens.Count);

        if (request.Stream)
        {
            await StreamAsync(tokens, summary).ConfigureAwait(false);
        }
        else
        {
            await CompleteAsync(tokens, summary).ConfigureAwait(false);
        }
    }

    private async Task StreamAsync(IReadOnlyList<string> tokens, ReplySummary summary)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = wire.StreamContentType;
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.StartAsync(stop).ConfigureAwait(false);
        await WriteAsync(wire.StreamStart(_context)).ConfigureAwait(false);
        await DelayAsync(reply.FirstTokenDelay).ConfigureAwait(false);

        var pieces = reply.Thinking.Select(t => (Text: t, Thinking: true)).Concat(tokens.Select(t => (Text: t, Thinking: false)));
        var sent = 0;
        foreach (var (text, thinking) in pieces)
        {
            if (await FaultAsync(sent).ConfigureAwait(false))
            {
                return;
            }

            if (sent > 0)
            {
                await PaceAsync().ConfigureAwait(false);
            }

            await WriteAsync(thinking ? wire.Thinking(_context, text) : wire.Token(_context, text)).ConfigureAwait(false);
            request.TokenSent();
            sent++;
        }

        if (await FaultAsync(sent).ConfigureAwait(false))
        {
            return;
        }

        await WriteAsync(wire.StreamEnd(_context, summary, request.IncludeUsage)).ConfigureAwait(false);
    }

    private async Task CompleteAsync(IReadOnlyList<string> tokens, ReplySummary summary)
    {
        await DelayAsync(reply.FirstTokenDelay).ConfigureAwait(false);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        if (await FaultAsync(0).ConfigureAwait(false))
        {
            return;
        }

        await WriteAsync(wire.Complete(_context, string.Concat(tokens), string.Concat(reply.Thinking), summary)).ConfigureAwait(false);
    }

    /// <summary>Applies the scripted fault once <paramref name="sent"/> tokens are out; true when the reply must end here.</summary>
    private async Task<bool> FaultAsync(int sent)
    {
        if (reply.Fault is not { } fault || sent < fault.AfterTokens)
        {
            return false;
        }

        switch (fault.Kind)
        {
            case FakeFaultKind.Cut:
                Cut();
                return true;
            case FakeFaultKind.Stall:
                await Task.Delay(Timeout.InfiniteTimeSpan, options.Time, stop).ConfigureAwait(false);
                return true;
            case FakeFaultKind.Malformed:
                await WriteAsync(wire.Malformed(_context)).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private void Cut()
    {
        request.MarkCutByServer();
        http.Abort();
    }

    private async Task WriteAsync(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        await http.Response.WriteAsync(text, stop).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(stop).ConfigureAwait(false);
    }

    private Task PaceAsync()
    {
        var rate = reply.TokensPerSecond ?? options.TokensPerSecond;
        return rate > 0 ? DelayAsync(TimeSpan.FromSeconds(1 / rate)) : Task.CompletedTask;
    }

    private Task DelayAsync(TimeSpan delay) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, options.Time, stop) : Task.CompletedTask;
}
