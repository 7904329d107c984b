namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// How the SSE routes keep idle connections open (configuration section "Sse"). Bound when the routes are mapped
/// and carried as their endpoint metadata.
/// </summary>
public sealed class ServerSentEventOptions
{
    public const string SectionName = "Sse";

    /// <summary>Seconds of silence after which a comment line is sent, so proxies and browsers keep the connection.</summary>
    public int KeepAliveSeconds { get; set; } = 15;

    public TimeSpan KeepAlive => TimeSpan.FromSeconds(KeepAliveSeconds);

    /// <exception cref="InvalidOperationException">A key is unknown or a value out of range; the message names it.</exception>
    public static ServerSentEventOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<ServerSentEventOptions>(b => b.ErrorOnUnknownConfiguration = true) ?? new();
        if (options.KeepAliveSeconds < 1)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(KeepAliveSeconds)} must be 1 or more.");
        }

        return options;
    }
}
