using Silo;

namespace LlmMultiChat.ApiHost.Tests.Grains;

/// <summary>A grain the host knows nothing of, registered by the tests (grain type name "echo").</summary>
public sealed class EchoGrain([PersistentState("echo")] IPersistentState<EchoState> state) : Grain, IEchoGrain
{
    public const string TypeName = "echo";

    public async Task<string> Echo(string text)
    {
        state.State.Last = text;
        await state.WriteStateAsync();
        return text;
    }
}
