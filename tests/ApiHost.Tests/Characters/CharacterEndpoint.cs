namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>Every characters route, for the authorization matrix.</summary>
public enum CharacterEndpoint
{
    List,
    Get,
    Create,
    Update,
    Delete,
    Versions,
    Emotion,
    Associations,
    Growth,
    Import,
    ExportJson,
    ExportPng,
    GetAvatar,
    SetAvatar,
    RemoveAvatar,
}
