namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>The character card formats: V1 (flat, import only), V2 (<c>chara_card_v2</c>), V3 (<c>chara_card_v3</c>).</summary>
public enum CardSpec
{
    V1,
    V2,
    V3,
}
