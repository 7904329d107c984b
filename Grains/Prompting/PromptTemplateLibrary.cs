using System.Collections.Frozen;
using System.Reflection;
using HandlebarsDotNet;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// The Handlebars templates embedded in this assembly: <c>Templates/*.hbs</c> are the selectable templates,
/// <c>Templates/Partials/*.hbs</c> the sections they share. Each template is compiled once, on first use, and the
/// compiled delegates are shared by every builder of the process.
/// </summary>
internal sealed class PromptTemplateLibrary
{
    private const string PostHistoryPartial = "post_history";

    private static readonly string ResourcePrefix = typeof(PromptTemplateLibrary).Namespace + ".Templates.";
    private static readonly string PartialPrefix = ResourcePrefix + "Partials.";

    private readonly IHandlebars _handlebars;
    private readonly FrozenDictionary<string, Lazy<HandlebarsTemplate<object, object>>> _templates;
    private readonly FrozenDictionary<string, string> _canonicalNames;
    private readonly Lazy<HandlebarsTemplate<object, object>> _postHistory;
    private readonly Lock _compileGate = new();

    private PromptTemplateLibrary()
    {
        // Prompts are plain text: no HTML escaping, and a member the templates name but the model lacks is a bug.
        _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = true });
        _handlebars.RegisterHelper("eq", (Context _, Arguments arguments) =>
            arguments.Length == 2 && string.Equals(arguments[0] as string, arguments[1] as string, StringComparison.Ordinal));

        var assembly = typeof(PromptTemplateLibrary).Assembly;
        var templates = new Dictionary<string, Lazy<HandlebarsTemplate<object, object>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var source = Read(assembly, resource);
            if (resource.StartsWith(PartialPrefix, StringComparison.Ordinal))
            {
                _handlebars.RegisterTemplate(NameOf(resource, PartialPrefix), source);
            }
            else
            {
                templates.Add(NameOf(resource, ResourcePrefix), CompileOnce(source));
            }
        }

        _templates = templates.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _canonicalNames = templates.Keys.ToFrozenDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);
        _postHistory = CompileOnce("{{> " + PostHistoryPartial + "}}");
        Names = [.. _templates.Keys.Order(StringComparer.Ordinal)];
    }

    public static PromptTemplateLibrary Shared { get; } = new();

    /// <summary>The selectable template names, sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The template's name as the library spells it.</summary>
    /// <exception cref="UnknownPromptTemplateException">No template has this name.</exception>
    public string Resolve(string name) =>
        _canonicalNames.TryGetValue(name.Trim(), out var canonical) ? canonical : throw new UnknownPromptTemplateException(name, Names);

    public string Render(string templateName, SystemPromptModel model) => _templates[templateName].Value(model);

    public string RenderPostHistory(SystemPromptModel model) => _postHistory.Value(model);

    private Lazy<HandlebarsTemplate<object, object>> CompileOnce(string source) =>
        new(() =>
        {
            // One compilation at a time: the environment's partial and helper tables are shared.
            lock (_compileGate)
            {
                return _handlebars.Compile(source);
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string NameOf(string resource, string prefix) => resource[prefix.Length..^".hbs".Length];

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded template '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
