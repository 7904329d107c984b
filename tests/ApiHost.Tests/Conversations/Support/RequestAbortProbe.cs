using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LlmMultiChat.ApiHost.Tests.Conversations.Support;

/// <summary>
/// Middleware at the front of the test host that signals when the server sees a client abandon a request to a
/// path, so a test knows its disconnect reached the server before it checks what kept running.
/// </summary>
internal sealed class RequestAbortProbe(string pathSuffix) : IStartupFilter
{
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Aborted => _aborted.Task;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Path.Value?.EndsWith(pathSuffix, StringComparison.Ordinal) == true)
            {
                context.RequestAborted.Register(() => _aborted.TrySetResult());
            }

            await following(context);
        });
        next(app);
    };
}
