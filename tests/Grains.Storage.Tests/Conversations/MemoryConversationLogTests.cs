using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Storage.Tests.Conversations;

public sealed class MemoryConversationLogTests : ConversationLogConformanceTests
{
    protected override Task<IConversationLog> CreateAsync() => Task.FromResult<IConversationLog>(new MemoryConversationLog());
}
