using System.Text;

namespace LlmMultiChat.Grains.Llm;

/// <summary>
/// Separates a leading <c>&lt;think&gt;…&lt;/think&gt;</c> section (reasoning models served without a separate
/// thinking field) from the answer, token by token, even when a tag is split across tokens. Only a section at the
/// very start of the reply counts, so a character that writes "&lt;think&gt;" in the middle of an answer is not mangled.
/// </summary>
internal sealed class ThinkSectionSplitter
{
    private const string Open = "<think>";
    private const string Close = "</think>";

    private readonly StringBuilder _pending = new();
    private State _state = State.Start;

    private enum State
    {
        Start,
        Thinking,
        AfterThinking,
        Answer,
    }

    /// <summary>The items a piece of content produces (possibly none while a tag may be forming).</summary>
    public IEnumerable<LlmStreamItem> Push(string content)
    {
        if (_state == State.Answer && _pending.Length == 0)
        {
            return content.Length == 0 ? [] : [new LlmToken(content)];
        }

        _pending.Append(content);
        var items = new List<LlmStreamItem>();
        while (Step(items))
        {
        }

        return items;
    }

    /// <summary>What is still held back when the stream ends.</summary>
    public IEnumerable<LlmStreamItem> Flush()
    {
        var rest = _pending.ToString();
        _pending.Clear();
        if (rest.Length == 0 || (_state == State.AfterThinking && string.IsNullOrWhiteSpace(rest)))
        {
            return [];
        }

        return [_state == State.Thinking ? new LlmThinking(rest) : new LlmToken(rest)];
    }

    // One transition; true when another may follow.
    private bool Step(List<LlmStreamItem> items)
    {
        var text = _pending.ToString();
        switch (_state)
        {
            case State.Start:
                var trimmed = text.TrimStart();
                if (trimmed.StartsWith(Open, StringComparison.Ordinal))
                {
                    Keep(trimmed[Open.Length..]);
                    _state = State.Thinking;
                    return true;
                }

                if (Open.StartsWith(trimmed, StringComparison.Ordinal))
                {
                    return false; // still whitespace, or the beginning of "<think>"
                }

                _state = State.Answer;
                return true;

            case State.Thinking:
                var close = text.IndexOf(Close, StringComparison.Ordinal);
                if (close >= 0)
                {
                    Emit(items, text[..close], thinking: true);
                    Keep(text[(close + Close.Length)..]);
                    _state = State.AfterThinking;
                    return true;
                }

                var held = PartialTagLength(text, Close);
                Emit(items, text[..^held], thinking: true);
                Keep(text[^held..]);
                return false;

            case State.AfterThinking:
                var answer = text.TrimStart();
                if (answer.Length == 0)
                {
                    return false;
                }

                Keep(answer);
                _state = State.Answer;
                return true;

            default:
                Emit(items, text, thinking: false);
                _pending.Clear();
                return false;
        }
    }

    private void Keep(string text) => _pending.Clear().Append(text);

    private static void Emit(List<LlmStreamItem> items, string text, bool thinking)
    {
        if (text.Length > 0)
        {
            items.Add(thinking ? new LlmThinking(text) : new LlmToken(text));
        }
    }

    // How many characters at the end of text could be the start of tag.
    private static int PartialTagLength(string text, string tag)
    {
        for (var length = Math.Min(tag.Length - 1, text.Length); length > 0; length--)
        {
            if (text.AsSpan(text.Length - length).SequenceEqual(tag.AsSpan(0, length)))
            {
                return length;
            }
        }

        return 0;
    }
}
