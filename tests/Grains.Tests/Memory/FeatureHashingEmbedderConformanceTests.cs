using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

public sealed class FeatureHashingEmbedderConformanceTests : EmbedderConformanceTests
{
    protected override Task<IEmbedder> CreateAsync() => Task.FromResult<IEmbedder>(new FeatureHashingEmbedder());
}
