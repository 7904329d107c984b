namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>
/// Llm:Retry: retries of one model before its first token, with exponential backoff (BaseDelay, 2×, 4×, ... capped
/// at MaxDelay) and jitter. Never after a token was yielded.
/// </summary>
public sealed class LlmRetryOptions
{
    /// <summary>Retries after the first try (0 turns retrying off). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff. Default 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Randomize the delays so many callers do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;
}
