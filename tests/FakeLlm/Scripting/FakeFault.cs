namespace LlmMultiChat.FakeLlm.Scripting;

/// <summary>A fault injected into a reply once <paramref name="AfterTokens"/> tokens (thinking included) were sent.</summary>
public sealed record FakeFault(FakeFaultKind Kind, int AfterTokens);
