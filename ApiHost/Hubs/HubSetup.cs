using LlmMultiChat.ApiHost.Http;
using Microsoft.AspNetCore.SignalR;

namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>SignalR with the API's JSON and error conventions, and the chat hub at <see cref="ChatHub.Path"/>.</summary>
public static class HubSetup
{
    /// <summary>
    /// Room for the longest message (10,000 characters) even when a client escapes every character as \uXXXX, plus
    /// the invocation around it; larger messages close the connection (SignalR's rule).
    /// </summary>
    public const long MaximumReceiveMessageBytes = 64 * 1024;

    public static IServiceCollection AddChatHub(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ConversationEventPush>();
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = MaximumReceiveMessageBytes;
                options.AddFilter<HubSessionFilter>();
                options.AddFilter<HubErrorFilter>();
            })
            .AddJsonProtocol(options =>
            {
                ApiJson.Configure(options.PayloadSerializerOptions);
                options.PayloadSerializerOptions.Converters.Add(new ConversationEventJsonConverter());
            });
        return services;
    }

    public static IEndpointRouteBuilder MapChatHub(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // A connection outlives nothing its access token was issued for: it closes when the token expires, and the
        // client reconnects with a fresh token (and resumes with afterSeq).
        routes.MapHub<ChatHub>(ChatHub.Path, options => options.CloseOnAuthenticationExpiration = true);
        return routes;
    }
}
