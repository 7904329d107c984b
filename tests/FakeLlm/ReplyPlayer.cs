using LlmMultiChat.FakeLlm.Protocols;
using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;
using Microsoft.AspNetCore.Connections.Features;

namespace LlmMultiChat.FakeLlm;

/// <summary>Plays one scripted reply onto one response: delays, pacing on the server's clock, tokens, faults, the end.</summary>
internal sealed class ReplyPlayer(HttpContext http, FakeRequest request, FakeReply reply, ChatWire wire, FakeLlmServerOptions options, CancellationToken stop)
{
    private readonly ReplyContext _context = new(request.Model!, $"chatcmpl-fake-{request.Sequence}", options.Time.GetUtcNow(), options.Time);

    public async Task PlayAsync()
    {
        if (reply.Fault?.Kind == FakeFaultKind.Drop || (reply.Fault?.Kind == FakeFaultKind.Cut && !request.Stream))
        {
            await CutAsync(RawOutput()).ConfigureAwait(false);
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

        var tokens = reply.Tokens ?? FakeTokenizer.Split(FakeLlmServer.DefaultReplyText(request));
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
        ReplyOutput output = reply.Fault?.Kind == FakeFaultKind.Cut ? RawOutput() : new KestrelReplyOutput(http.Response);
        await output.StartAsync(wire.StreamContentType, stop).ConfigureAwait(false);
        await output.WriteAsync(wire.StreamStart(_context), stop).ConfigureAwait(false);
        await DelayAsync(reply.FirstTokenDelay).ConfigureAwait(false);

        var pieces = reply.Thinking.Select(t => (Text: t, Thinking: true)).Concat(tokens.Select(t => (Text: t, Thinking: false)));
        var sent = 0;
        foreach (var (text, thinking) in pieces)
        {
            if (await FaultAsync(output, sent).ConfigureAwait(false))
            {
                return;
            }

            if (sent > 0)
            {
                await PaceAsync().ConfigureAwait(false);
            }

            await output.WriteAsync(thinking ? wire.Thinking(_context, text) : wire.Token(_context, text), stop).ConfigureAwait(false);
            request.TokenSent();
            sent++;
        }

        // A fault scripted after more tokens than the reply has strikes before the end of the reply.
        if (await FaultAsync(output, Math.Max(sent, reply.Fault?.AfterTokens ?? 0)).ConfigureAwait(false))
        {
            return;
        }

        await output.WriteAsync(wire.StreamEnd(_context, summary, request.IncludeUsage), stop).ConfigureAwait(false);
    }

    private async Task CompleteAsync(IReadOnlyList<string> tokens, ReplySummary summary)
    {
        await DelayAsync(reply.FirstTokenDelay).ConfigureAwait(false);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        var body = reply.Fault?.Kind switch
        {
            FakeFaultKind.Stall => null,
            FakeFaultKind.Malformed => wire.Malformed(_context),
            FakeFaultKind.EndEarly => string.Empty,
            _ => wire.Complete(_context, string.Concat(tokens), string.Concat(reply.Thinking), summary),
        };
        if (body is null)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, options.Time, stop).ConfigureAwait(false);
            return;
        }

        await http.Response.WriteAsync(body, stop).ConfigureAwait(false);
    }

    /// <summary>Applies the scripted fault once <paramref name="sent"/> tokens are out; true when the reply must end here.</summary>
    private async Task<bool> FaultAsync(ReplyOutput output, int sent)
    {
        if (reply.Fault is not { } fault || sent < fault.AfterTokens)
        {
            return false;
        }

        switch (fault.Kind)
        {
            case FakeFaultKind.Cut:
                await CutAsync((RawSocketReplyOutput)output).ConfigureAwait(false);
                return true;
            case FakeFaultKind.Stall:
                await Task.Delay(Timeout.InfiniteTimeSpan, options.Time, stop).ConfigureAwait(false);
                return true;
            case FakeFaultKind.Malformed:
                await output.WriteAsync(wire.Malformed(_context), stop).ConfigureAwait(false);
                return true;
            case FakeFaultKind.EndEarly:
                return true;
            default:
                return false;
        }
    }

    private RawSocketReplyOutput RawOutput()
    {
        var socket = http.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("Cut and drop faults need Kestrel's socket transport.");
        return new RawSocketReplyOutput(socket, options.Time);
    }

    /// <summary>Shuts the connection mid-response, then holds it until the client gives up on it (or the server stops).</summary>
    private async Task CutAsync(RawSocketReplyOutput output)
    {
        request.MarkCutByServer();
        output.Cut();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, options.Time, stop).ConfigureAwait(false);
        }
        finally
        {
            http.Abort();
        }
    }

    private Task PaceAsync()
    {
        var rate = reply.TokensPerSecond ?? options.TokensPerSecond;
        return rate > 0 ? DelayAsync(TimeSpan.FromSeconds(1 / rate)) : Task.CompletedTask;
    }

    private Task DelayAsync(TimeSpan delay) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, options.Time, stop) : Task.CompletedTask;
}
