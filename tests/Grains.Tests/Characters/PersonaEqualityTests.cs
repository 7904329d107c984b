using System.Reflection;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Tests.Characters;

public sealed class PersonaEqualityTests
{
    [Fact]
    public void Personas_with_equal_values_in_different_list_instances_are_equal()
    {
        var a = UpstreamCharacters.Nox;
        var b = a with { Keywords = [.. a.Keywords], Aliases = [.. a.Aliases], Greetings = [.. a.Greetings] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    /// <summary>Guards Persona.Equals: a property added later but left out of it makes this test fail.</summary>
    [Fact]
    public void Changing_any_single_property_makes_personas_unequal()
    {
        foreach (var property in typeof(Persona).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var changed = UpstreamCharacters.Lumina with { };
            property.SetValue(changed, Different(property.PropertyType, property.GetValue(changed)));

            Assert.False(UpstreamCharacters.Lumina.Equals(changed), $"Persona.Equals ignores {property.Name}.");
        }
    }

    private static object? Different(Type type, object? current) => type switch
    {
        _ when type == typeof(string) => (current as string) + "~",
        _ when type == typeof(int) => (int)current! + 1,
        _ when type == typeof(double) => (double)current! / 2 + 0.01,
        _ when type == typeof(Verbosity) => (Verbosity)(((int)current! + 1) % 3),
        _ when type == typeof(EmojiUse) => (EmojiUse)(((int)current! + 1) % 3),
        _ when type == typeof(ModelBinding) => new ModelBinding("ollama", "other"),
        _ when type == typeof(IReadOnlyList<string>) => (IReadOnlyList<string>)[.. (IReadOnlyList<string>)current!, "extra"],
        _ => throw new InvalidOperationException($"The test does not know how to change a {type.Name}; teach it."),
    };
}
