using LlmMultiChat.FakeLlm.Recording;

namespace LlmMultiChat.Grains.Tests.Conversations.Support;

internal static class FakeRequests
{
    /// <summary>Whether the request asks <paramref name="characterName"/> to speak (its system prompt opens with that name).</summary>
    public static bool IsFor(this FakeRequest request, string characterName) =>
        request.Messages.Count > 0 && request.Messages[0].Content.StartsWith($"あなたは「{characterName}」", StringComparison.Ordinal);
}
