using System.Text.Json;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>
/// <see cref="PersonaRules"/> (the grain checks the same rules when storing) turned into a request-field problem,
/// so a client learns which field to fix before anything is written.
/// </summary>
public static class PersonaValidation
{
    /// <summary>Null when the persona is valid; else the first rule it breaks, under its JSON path below <paramref name="prefix"/>.</summary>
    /// <param name="prefix">Where the persona sits in the request ("persona", or "card" for an imported card).</param>
    public static (string Field, string Problem)? Problem(Persona persona, string prefix)
    {
        try
        {
            PersonaRules.Validate(persona);
            return null;
        }
        catch (ArgumentException invalid) when (invalid is not ArgumentNullException)
        {
            // PersonaRules names the failing property ("Model.Provider", "Aliases[2]") as the parameter.
            var property = invalid.ParamName ?? string.Empty;
            var message = invalid.Message.Replace($" (Parameter '{property}')", string.Empty, StringComparison.Ordinal);
            return (JsonPath(prefix, property), message);
        }
    }

    /// <exception cref="ApiException">400 E4000 naming the field of the first rule the persona breaks.</exception>
    public static void ThrowIfInvalid(Persona persona, string prefix)
    {
        if (Problem(persona, prefix) is { } problem)
        {
            throw ApiException.Validation(problem.Field, problem.Problem);
        }
    }

    private static string JsonPath(string prefix, string property) =>
        property is "" or "persona"
            ? prefix
            : string.Join('.', [prefix, .. property.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)]);
}
