namespace LlmMultiChat.Grains.Llm.Ollama;

/// <summary>One NDJSON line of a streamed /api/chat reply: a piece of the message, the final line (done), or an error.</summary>
internal sealed record OllamaChatChunk(
    string? Model,
    OllamaMessage? Message,
    bool Done,
    string? DoneReason,
    int? PromptEvalCount,
    int? EvalCount,
    string? Error);
