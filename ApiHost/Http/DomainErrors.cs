using System.Text.RegularExpressions;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// The error an exception from the API's own code, the grains or the silo stands for, wherever it surfaces: as a
/// problem response (<see cref="ApiExceptionHandler"/>) or as a SignalR hub error. Anything unknown is
/// <see cref="ApiErrors.Internal"/> with no detail, so internals never reach a client.
/// </summary>
public static partial class DomainErrors
{
    public static (ApiError Error, string? Detail, IDictionary<string, string[]>? Errors) Classify(Exception exception) => exception switch
    {
        ApiException api => (api.Error, api.Detail, api.Errors),
        CharacterVersionConflictException conflict => (ApiErrors.Conflict, conflict.Message, null),
        KeyNotFoundException missing => (ApiErrors.NotFound, missing.Message, null),
        UnauthorizedAccessException => (ApiErrors.Forbidden, null, null),
        ArgumentException argument and not ArgumentNullException => (ApiErrors.ValidationFailed, WithoutParameterName(argument.Message), null),
        GrainCallTimeoutException => (ApiErrors.Timeout, null, null),
        GrainStorageException or SiloUnavailableException => (ApiErrors.Unavailable, null, null),
        ConversationFollowerBehindException behind => (ApiErrors.Unavailable, behind.Message, null),
        _ => (ApiErrors.Internal, null, null),
    };

    // ArgumentException appends " (Parameter 'name')", which names C# parameters, not request fields.
    private static string WithoutParameterName(string message) => ParameterSuffix().Replace(message, string.Empty);

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)$")]
    private static partial Regex ParameterSuffix();
}
