namespace LlmMultiChat.Grains.Coherence;

/// <summary>What a stance is about; opposite stances of one kind on one object contradict each other.</summary>
public enum StanceKind
{
    /// <summary>好き / 嫌い / 苦手, like / dislike / hate.</summary>
    Preference,

    /// <summary>得意 / 苦手, good at / bad at.</summary>
    Skill,

    /// <summary>賛成 / 反対, support / oppose.</summary>
    Agreement,
}
