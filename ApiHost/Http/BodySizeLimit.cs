namespace LlmMultiChat.ApiHost.Http;

/// <summary>Endpoint metadata: this endpoint accepts bodies up to <see cref="Bytes"/> (instead of the global limit).</summary>
public sealed record BodySizeLimit(long Bytes);
