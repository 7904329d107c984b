using System.Globalization;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;

// Runs the fake LLM server by hand:
//   dotnet run --project tests/FakeLlm -- --urls http://127.0.0.1:11434 [--tokens-per-second 8] [--api-key KEY]
// Default script: every model echoes the last user message word by word; models whose name contains "think"
// (or "r1") reason first. Script replies with POST /_fake/enqueue or /_fake/script (see FakeControlApi).
var arguments = new ConfigurationBuilder().AddCommandLine(args).Build();
var url = (arguments["urls"] ?? "http://127.0.0.1:11434").Split(';')[0];
var rate = double.Parse(arguments["tokens-per-second"] ?? "8", CultureInfo.InvariantCulture);

await using var server = new FakeLlmServer(new FakeLlmServerOptions
{
    Url = new Uri(url),
    TokensPerSecond = rate,
    RequiredApiKey = arguments["api-key"],
    ConsoleLogging = true,
});
server.Script(
    FakeReply.Echo.WithThinking("The user said something. I will repeat it back."),
    r => r.Model is { } model && (model.Contains("think", StringComparison.OrdinalIgnoreCase) || model.Contains("r1", StringComparison.OrdinalIgnoreCase)));

var baseUrl = await server.StartAsync();
Console.WriteLine($"Fake LLM server on {baseUrl} ({rate} tokens/s). Ollama: {baseUrl}api/chat  OpenAI: {server.OpenAiBaseUrl}/chat/completions  Control: {baseUrl}_fake/requests");
await server.WaitForShutdownAsync();

// Internal: test projects reference this assembly next to ApiHost, whose Program must be the only public one.
internal partial class Program;
