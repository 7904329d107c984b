namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// Says which emotions a message expresses: the built-in lexicon (<see cref="EmotionLexicon"/>), or with
/// <c>Emotions:Model</c> configured the model (<see cref="LlmEmotionAppraiser"/>, falling back to the lexicon).
/// </summary>
public interface IEmotionAppraiser
{
    ValueTask<EmotionAppraisal> AppraiseAsync(string message, CancellationToken cancellationToken);
}
