using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Storage.Tests.Memory;

public sealed class MemorySessionSummaryStoreTests : SessionSummaryStoreConformanceTests
{
    protected override Task<ISessionSummaryStore> CreateAsync() => Task.FromResult<ISessionSummaryStore>(new MemorySessionSummaryStore());
}
