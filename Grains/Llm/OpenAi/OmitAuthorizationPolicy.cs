using System.ClientModel.Primitives;

namespace LlmMultiChat.Grains.Llm.OpenAi;

/// <summary>
/// Removes the Authorization header the package always adds, for local OpenAI-compatible servers configured without
/// a key. (The package's constructor that takes no credential is marked for evaluation only.)
/// </summary>
internal sealed class OmitAuthorizationPolicy : PipelinePolicy
{
    public static OmitAuthorizationPolicy Instance { get; } = new();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Remove("Authorization");
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Remove("Authorization");
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
