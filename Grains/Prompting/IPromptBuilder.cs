namespace LlmMultiChat.Grains.Prompting;

/// <summary>Builds a reply's prompt from Handlebars templates chosen by the speaker's roles and personalities (seed 003).</summary>
public interface IPromptBuilder
{
    Prompt Build(PromptContext context);
}
