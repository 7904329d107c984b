using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Llm;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// Builds a reply's prompt from the embedded Handlebars templates (seed 003): one system message with the persona,
/// its mood and memories and, in groups, who else is there and the rule to speak only as itself; then the recent
/// history (the speaker's own lines as <c>assistant</c>, everyone else's as <c>user</c> prefixed <c>"Name: "</c>);
/// then the post-history instructions. Thread-safe; register it as a singleton.
/// </summary>
public sealed class HandlebarsPromptBuilder : IPromptBuilder
{
    private readonly PromptOptions _options;
    private readonly PromptTemplateLibrary _templates = PromptTemplateLibrary.Shared;

    /// <exception cref="InvalidOperationException">The options are out of range.</exception>
    public HandlebarsPromptBuilder(IOptions<PromptOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
    }

    /// <summary>Every template a persona may name in <c>PromptTemplate</c>, sorted.</summary>
    public static IReadOnlyList<string> TemplateNames => PromptTemplateLibrary.Shared.Names;

    /// <inheritdoc />
    /// <exception cref="UnknownPromptTemplateException">The persona names a template that does not exist.</exception>
    public Prompt Build(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var templateName = string.IsNullOrWhiteSpace(context.Speaker.PromptTemplate)
            ? PromptTemplateSelector.Select(context.Speaker)
            : _templates.Resolve(context.Speaker.PromptTemplate);

        var model = SystemPromptModel.From(context);
        var messages = new List<LlmMessage>(_options.HistoryLimit + 2)
        {
            new(LlmRole.System, WithoutFinalNewline(_templates.Render(templateName, model))),
        };
        AddHistory(context, messages);

        var postHistory = WithoutFinalNewline(_templates.RenderPostHistory(model));
        if (postHistory.Length > 0)
        {
            messages.Add(new LlmMessage(LlmRole.System, postHistory));
        }

        return new Prompt(messages, StopSequences.For(context, _options.MaxStopSequences), templateName);
    }

    private void AddHistory(PromptContext context, List<LlmMessage> messages)
    {
        // Interrupted stubs without text say nothing; keep the last HistoryLimit of the rest, oldest first.
        var withContent = context.History.Where(m => !string.IsNullOrWhiteSpace(m.Content)).ToList();
        foreach (var message in withContent.Skip(Math.Max(0, withContent.Count - _options.HistoryLimit)))
        {
            messages.Add(message.SpeakerKind switch
            {
                SpeakerKind.Character when message.SpeakerId == context.SpeakerId => new LlmMessage(LlmRole.Assistant, message.Content),
                SpeakerKind.System => new LlmMessage(LlmRole.System, message.Content),
                _ => new LlmMessage(LlmRole.User, SpeakerLabel(message) + ": " + message.Content),
            });
        }
    }

    private static string SpeakerLabel(ChatMessage message) =>
        string.IsNullOrWhiteSpace(message.SpeakerName) ? message.SpeakerId : message.SpeakerName;

    // Template files end with a newline; the message should not.
    private static string WithoutFinalNewline(string text) => text.TrimEnd('\n');
}
