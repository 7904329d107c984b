using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Storage.Tests.Memory;

public sealed class MemoryCharacterMemoryStoreTests : CharacterMemoryStoreConformanceTests
{
    protected override Task<ICharacterMemoryStore> CreateAsync() => Task.FromResult<ICharacterMemoryStore>(new MemoryCharacterMemoryStore());
}
