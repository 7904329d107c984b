using System.Text.Json;
using System.Text.Json.Nodes;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Characters.Cards;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

internal static class CardAssert
{
    public static CharacterCards Service(Action<CharacterCardOptions>? configure = null)
    {
        var options = new CharacterCardOptions();
        configure?.Invoke(options);
        return new CharacterCards(Options.Create(options));
    }

    /// <summary>
    /// Field-by-field persona equality, source card aside (Persona's record equality compares its lists by
    /// reference, so it cannot be used).
    /// </summary>
    public static void SamePersona(Persona expected, Persona actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected with { SourceCard = null }), JsonSerializer.Serialize(actual with { SourceCard = null }));

    public static void SameTree(string expectedJson, string actualJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"JSON trees differ.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }

    public static CharacterCardException Refused(string code, Action import)
    {
        var error = Assert.Throws<CharacterCardException>(import);
        Assert.Equal(code, error.Code);
        return error;
    }
}
