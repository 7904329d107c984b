using Silo;

namespace LlmMultiChat.ApiHost.Tests.Grains;

public interface IEchoGrain : IGrainWithStringKey
{
    /// <summary>Stores the text as the grain's state and returns it.</summary>
    Task<string> Echo(string text);
}
