using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>Everything one reply's prompt is made of.</summary>
/// <param name="SpeakerId">The id of the character about to speak.</param>
/// <param name="Speaker">Its persona.</param>
/// <param name="OtherCharacters">The other characters in the conversation (names and aliases matter: the reply must never speak for them).</param>
/// <param name="Humans">The humans in the conversation.</param>
/// <param name="History">Recent messages, oldest first, ending with the message being answered.</param>
/// <param name="EmotionTone">An instruction from the character's dominant emotion (null: no instruction).</param>
/// <param name="Memory">What the reply recalls from every memory tier (null: nothing).</param>
/// <param name="UserStyle">How the human being answered likes to be spoken to: instruction lines from their dialogue style (none while it sits in the middle).</param>
public sealed record PromptContext(
    string SpeakerId,
    Persona Speaker,
    IReadOnlyList<CharacterParticipant> OtherCharacters,
    IReadOnlyList<ConversationMember> Humans,
    IReadOnlyList<ChatMessage> History,
    string? EmotionTone = null,
    PromptMemory? Memory = null,
    IReadOnlyList<string>? UserStyle = null);
