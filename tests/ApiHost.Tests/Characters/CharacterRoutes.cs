namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>The characters routes' paths.</summary>
internal static class CharacterRoutes
{
    public const string Characters = "/api/v1/characters";

    public const string Import = Characters + "/import";

    public static string Of(string id) => $"{Characters}/{id}";

    public static string VersionsOf(string id) => $"{Of(id)}/versions";

    public static string EmotionOf(string id) => $"{Of(id)}/emotion";

    public static string AssociationsOf(string id, string query = "") => $"{Of(id)}/associations{query}";

    public static string GrowthOf(string id) => $"{Of(id)}/growth";

    public static string CardOf(string id, string format) => $"{Of(id)}/card?format={format}";

    public static string AvatarOf(string id) => $"{Of(id)}/avatar";
}
