namespace LlmMultiChat.ApiHost.Tests.Grains;

public sealed class EchoState
{
    public string? Last { get; set; }
}
