namespace LlmMultiChat.Grains.Prompting;

/// <summary>A persona names a prompt template (<c>Persona.PromptTemplate</c>) that does not exist.</summary>
public sealed class UnknownPromptTemplateException : Exception
{
    public UnknownPromptTemplateException(string templateName, IReadOnlyList<string> knownTemplates)
        : base($"There is no prompt template named '{templateName}'. Known templates: {string.Join(", ", knownTemplates)}.")
    {
        TemplateName = templateName;
        KnownTemplates = knownTemplates;
    }

    public UnknownPromptTemplateException()
    {
    }

    public UnknownPromptTemplateException(string message)
        : base(message)
    {
    }

    public UnknownPromptTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The name the persona asked for.</summary>
    public string TemplateName { get; } = string.Empty;

    /// <summary>Every template name that exists.</summary>
    public IReadOnlyList<string> KnownTemplates { get; } = [];
}
