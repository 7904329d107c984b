using System.Runtime.CompilerServices;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Conversations.Events;
using Microsoft.AspNetCore.SignalR;

namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>
/// Turns every failure of a hub method into a <see cref="HubException"/> whose message is "E-code: detail" (the
/// codes of <see cref="ApiErrors"/>, classified by <see cref="DomainErrors"/>): SignalR passes the message of a
/// HubException on to the client and hides every other exception. Unexpected failures are logged. Event streams
/// are wrapped too, so a failure in the middle of <see cref="ChatHub.Stream"/> reads the same way.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        try
        {
            var result = await next(invocationContext).ConfigureAwait(false);
            return result is IAsyncEnumerable<ConversationEvent> events ? Translated(events, method) : result;
        }
        catch (Exception ex) when (ex is not (HubException or OperationCanceledException))
        {
            throw Translate(ex, method);
        }
    }

    private async IAsyncEnumerable<ConversationEvent> Translated(
        IAsyncEnumerable<ConversationEvent> events,
        string method,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not (HubException or OperationCanceledException))
                {
                    throw Translate(ex, method);
                }

                if (!more)
                {
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
    }

    private HubException Translate(Exception exception, string method)
    {
        var (error, detail, _) = DomainErrors.Classify(exception);
        if (error.Status >= 500)
        {
            LogFailed(exception, method, error.Code);
        }

        return new HubException($"{error.Code}: {detail ?? error.Title}", exception);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed with {Code}")]
    private partial void LogFailed(Exception exception, string method, string code);
}
