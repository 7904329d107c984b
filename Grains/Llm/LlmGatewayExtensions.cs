using System.Text;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Llm;

public static class LlmGatewayExtensions
{
    /// <summary>
    /// Asks the model and waits for its whole answer (the visible tokens, thinking left out): for work nobody watches
    /// stream, such as summaries and checks. Failures are the gateway's (<see cref="LlmException"/>).
    /// </summary>
    public static async Task<string> CompleteAsync(this ILlmGateway llm, ModelBinding? binding, string instruction, string input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(llm);
        var request = new LlmChatRequest(string.Empty, [new LlmMessage(LlmRole.System, instruction), new LlmMessage(LlmRole.User, input)]);
        var answer = new StringBuilder();
        await foreach (var item in llm.StreamAsync(binding, request, cancellationToken).WithCancellation(cancellationToken))
        {
            if (item is LlmToken token)
            {
                answer.Append(token.Text);
            }
        }

        return answer.ToString();
    }
}
