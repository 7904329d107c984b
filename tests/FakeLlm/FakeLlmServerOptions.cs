namespace LlmMultiChat.FakeLlm;

/// <summary>How a <see cref="FakeLlmServer"/> listens, paces tokens and what it lists.</summary>
public sealed class FakeLlmServerOptions
{
    /// <summary>Where to listen; the default is a free port on 127.0.0.1.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:0");

    /// <summary>The clock that paces tokens and stamps recorded requests (tests pass a manual clock).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Default pace for replies that do not set their own; 0 sends as fast as possible.</summary>
    public double TokensPerSecond { get; init; }

    /// <summary>What GET /api/tags and GET /v1/models list. Chat accepts any model name.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["qwen2.5:3b", "llama3.2:1b", "qwen3:0.6b"];

    /// <summary>When set, /v1/* requires <c>Authorization: Bearer {key}</c> and answers 401 otherwise.</summary>
    public string? RequiredApiKey { get; init; }

    /// <summary>Length of the deterministic vectors POST /api/embed returns.</summary>
    public int EmbeddingDimensions { get; init; } = 64;

    /// <summary>Write ASP.NET Core's request logs to the console (for runs by hand).</summary>
    public bool ConsoleLogging { get; init; }
}
