namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// Who a redacted message says spoke, once the human who said it has erased their account: the row keeps its place
/// (indexes have no gaps) and says nothing of them (docs/decisions.md §13).
/// </summary>
public static class ErasedHuman
{
    public const string Id = "erased";

    public const string Name = "(erased)";
}
