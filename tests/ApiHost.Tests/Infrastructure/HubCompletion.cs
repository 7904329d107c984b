using System.Text.Json;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>A hub invocation's completion (message type 3): its error, or its result (absent for void methods).</summary>
internal sealed record HubCompletion(string? Error, JsonElement? Result)
{
    /// <summary>The result of a call that must have succeeded.</summary>
    public JsonElement Value => Error is null
        ? Result ?? throw new Xunit.Sdk.XunitException("The invocation completed without a result.")
        : throw new Xunit.Sdk.XunitException($"The invocation failed: {Error}");

    /// <summary>The call must have succeeded (with or without a result).</summary>
    public HubCompletion Succeeded() => Error is null ? this : throw new Xunit.Sdk.XunitException($"The invocation failed: {Error}");
}
