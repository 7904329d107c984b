using System.Buffers;
using System.Text;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// Cleans one reply as it streams, token by token, so that a character never shows text written for someone else.
/// <list type="bullet">
/// <item>A leading <c>Name:</c> or <c>Name：</c> with the speaker's own name or an alias is dropped, with the whitespace
/// around it.</item>
/// <item>A line that starts with another participant's name (or alias) followed by <c>:</c> or <c>：</c> ends the reply:
/// <see cref="StoppedAtOtherSpeaker"/> turns true, and neither that line nor the line break and blank space before it
/// are ever released. The caller should stop generating.</item>
/// <item>A hand-over tag <c>[Next: value]</c> (any case, spaces tolerated, full-width brackets and colon too) is removed
/// wherever it appears, and its trimmed value is reported in <see cref="HandOverTo"/> (the last one wins).</item>
/// </list>
/// Names match ignoring case; whitespace may stand at the start of a line and between a name and its colon. Text is
/// held back only while it can still be the start of one of these patterns (a line break and what follows it while it
/// spells the beginning of a name, a <c>[</c> while it spells the beginning of a tag) and released as soon as it cannot.
/// Each character is looked at a bounded number of times, and runs of ordinary text are copied in bulk. Not
/// thread-safe: one filter per reply.
/// </summary>
public sealed class ReplyFilter
{
    /// <summary>The two colons a speaker label may use.</summary>
    internal static readonly string[] Colons = [":", "："];

    /// <summary>A hand-over value longer than this is not a tag but text.</summary>
    internal const int MaxHandOverLength = 64;

    private const string NextKeyword = "next";

    private static readonly SearchValues<char> PatternStarts = SearchValues.Create("\n\r[［");

    // Lower-cased; the speaker's own names first.
    private readonly string[] _names;
    private readonly int _ownCount;
    private readonly int[] _candidates;
    private readonly StringBuilder _released = new();
    private char[] _held = new char[32];
    private int _heldLength;

    private State _state = State.LineHead;
    private bool _completed;

    // Line head: which names the held text may still spell, how far, and how much of it is leading whitespace.
    private int _candidateCount;
    private int _nameOffset;
    private int _headWhitespace;
    private bool _afterOwnPrefix;

    // Tag: how far "[Next:" has been matched, and where the value starts in the held text.
    private TagPhase _tagPhase;
    private int _tagKeywordMatched;
    private int _tagValueStart;

    /// <param name="speakerName">The name of the character speaking.</param>
    /// <param name="speakerAliases">Its other names.</param>
    /// <param name="otherNames">Every name of every other participant: characters' names and aliases, humans' names.</param>
    public ReplyFilter(string speakerName, IEnumerable<string> speakerAliases, IEnumerable<string> otherNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(speakerName);
        ArgumentNullException.ThrowIfNull(speakerAliases);
        ArgumentNullException.ThrowIfNull(otherNames);

        var own = Matchable([speakerName, .. speakerAliases], exclude: []);
        var others = Matchable(otherNames, exclude: own);
        _names = [.. own, .. others];
        _ownCount = own.Count;
        _candidates = new int[_names.Length];
        BeginLineHead(atReplyStart: true);
    }

    /// <summary>True once a line for another participant began; everything from there on is discarded.</summary>
    public bool StoppedAtOtherSpeaker => _state == State.Stopped;

    /// <summary>The value of the last <c>[Next: …]</c> tag, trimmed, as written (an id or a name); null if none.</summary>
    public string? HandOverTo { get; private set; }

    /// <summary>A filter for the speaker of <paramref name="context"/>, against every other character and human in it.</summary>
    public static ReplyFilter For(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ReplyFilter(context.Speaker.Name, context.Speaker.Aliases, ParticipantNames.Others(context));
    }

    /// <summary>Feeds the next token; returns the text that is now safe to show (often the whole token, possibly empty).</summary>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called.</exception>
    public string Push(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_completed)
        {
            throw new InvalidOperationException("The reply is complete: Push cannot follow Complete.");
        }

        var span = token.AsSpan();
        var i = 0;
        while (i < span.Length && _state != State.Stopped)
        {
            if (_state == State.Text)
            {
                var next = span[i..].IndexOfAny(PatternStarts);
                if (next < 0)
                {
                    _released.Append(span[i..]);
                    break;
                }

                _released.Append(span.Slice(i, next));
                i += next;
            }

            Feed(span[i]);
            i++;
        }

        return TakeReleased();
    }

    /// <summary>Ends the reply; returns what was still held back (a partial name or tag turned out to be text).</summary>
    public string Complete()
    {
        if (!_completed && _state != State.Stopped)
        {
            var from = _state == State.LineHead && _afterOwnPrefix ? _headWhitespace : 0;
            _released.Append(_held, from, _heldLength - from);
        }

        _completed = true;
        _heldLength = 0;
        return TakeReleased();
    }

    private void Feed(char c)
    {
        switch (_state)
        {
            case State.Text:
                FeedText(c);
                break;
            case State.LineHead:
                FeedLineHead(c);
                break;
            case State.Tag:
                FeedTag(c);
                break;
            case State.Stopped:
                break;
        }
    }

    private void FeedText(char c)
    {
        if (c is '\n' or '\r' && _names.Length > _ownCount)
        {
            Hold(c);
            BeginLineHead(atReplyStart: false);
        }
        else if (c is '[' or '［')
        {
            Hold(c);
            _state = State.Tag;
            _tagPhase = TagPhase.Keyword;
            _tagKeywordMatched = 0;
        }
        else
        {
            _released.Append(c);
        }
    }

    private void FeedLineHead(char c)
    {
        if (_nameOffset == 0 && char.IsWhiteSpace(c))
        {
            Hold(c);
            _headWhitespace++;
            return;
        }

        var lower = char.ToLowerInvariant(c);
        var isColon = c is ':' or '：';
        var kept = 0;
        for (var k = 0; k < _candidateCount; k++)
        {
            var index = _candidates[k];
            var name = _names[index];
            if (_nameOffset < name.Length)
            {
                if (name[_nameOffset] == lower)
                {
                    _candidates[kept++] = index;
                }
            }
            else if (isColon)
            {
                OnSpeakerLabel(index);
                return;
            }
            else if (IsHorizontalWhitespace(c))
            {
                _candidates[kept++] = index;
            }
        }

        _candidateCount = kept;
        if (kept > 0)
        {
            Hold(c);
            _nameOffset++;
            return;
        }

        Fail(c, restartFrom: _headWhitespace);
    }

    private void FeedTag(char c)
    {
        switch (_tagPhase)
        {
            case TagPhase.Keyword when _tagKeywordMatched == 0 && IsHorizontalWhitespace(c):
                Hold(c);
                return;
            case TagPhase.Keyword when char.ToLowerInvariant(c) == NextKeyword[_tagKeywordMatched]:
                Hold(c);
                if (++_tagKeywordMatched == NextKeyword.Length)
                {
                    _tagPhase = TagPhase.Colon;
                }

                return;
            case TagPhase.Colon when IsHorizontalWhitespace(c):
                Hold(c);
                return;
            case TagPhase.Colon when c is ':' or '：':
                Hold(c);
                _tagPhase = TagPhase.Value;
                _tagValueStart = _heldLength;
                return;
            case TagPhase.Value when c is ']' or '］':
                var value = new string(_held, _tagValueStart, _heldLength - _tagValueStart).Trim();
                if (value.Length > 0)
                {
                    HandOverTo = value;
                    _heldLength = 0;
                    _state = State.Text;
                    return;
                }

                break;
            case TagPhase.Value when !IsPatternStart(c) && _heldLength - _tagValueStart < MaxHandOverLength:
                Hold(c);
                return;
        }

        Fail(c, restartFrom: 1);
    }

    private void OnSpeakerLabel(int nameIndex)
    {
        _heldLength = 0;
        if (nameIndex < _ownCount)
        {
            // The speaker's own label (only candidates at the start of the reply): drop it and look again.
            _afterOwnPrefix = true;
            BeginLineHead(atReplyStart: true);
        }
        else
        {
            _state = State.Stopped;
        }
    }

    /// <summary>
    /// The held text cannot become a pattern any more: release it up to the next place a pattern could start inside it
    /// (whitespace after a dropped own label is dropped instead), then feed the rest and <paramref name="c"/> again.
    /// </summary>
    private void Fail(char c, int restartFrom)
    {
        var from = _state == State.LineHead && _afterOwnPrefix ? _headWhitespace : 0;
        _afterOwnPrefix = false;

        var restart = _heldLength;
        for (var k = Math.Max(1, restartFrom); k < _heldLength; k++)
        {
            if (IsPatternStart(_held[k]))
            {
                restart = k;
                break;
            }
        }

        _released.Append(_held, from, restart - from);
        var rest = restart < _heldLength ? new string(_held, restart, _heldLength - restart) : null;
        _heldLength = 0;
        _state = State.Text;
        foreach (var r in rest ?? string.Empty)
        {
            Feed(r);
        }

        Feed(c);
    }

    private void BeginLineHead(bool atReplyStart)
    {
        _state = State.LineHead;
        _headWhitespace = _heldLength;
        _nameOffset = 0;
        var first = atReplyStart ? 0 : _ownCount;
        _candidateCount = _names.Length - first;
        for (var k = 0; k < _candidateCount; k++)
        {
            _candidates[k] = first + k;
        }
    }

    private void Hold(char c)
    {
        if (_heldLength == _held.Length)
        {
            Array.Resize(ref _held, _held.Length * 2);
        }

        _held[_heldLength++] = c;
    }

    private string TakeReleased()
    {
        if (_released.Length == 0)
        {
            return string.Empty;
        }

        var text = _released.ToString();
        _released.Clear();
        return text;
    }

    private static bool IsPatternStart(char c) => c is '\n' or '\r' or '[' or '［';

    private static bool IsHorizontalWhitespace(char c) => c is not ('\n' or '\r') && char.IsWhiteSpace(c);

    private static List<string> Matchable(IEnumerable<string?> names, IReadOnlyCollection<string> exclude)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            var trimmed = name?.Trim();
            if (string.IsNullOrEmpty(trimmed) || trimmed.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                continue;
            }

            var lower = string.Create(trimmed.Length, trimmed, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.ToLowerInvariant(source[i]);
                }
            });
            if (!result.Contains(lower, StringComparer.Ordinal) && !exclude.Contains(lower, StringComparer.Ordinal))
            {
                result.Add(lower);
            }
        }

        return result;
    }

    private enum State
    {
        Text,
        LineHead,
        Tag,
        Stopped,
    }

    private enum TagPhase
    {
        Keyword,
        Colon,
        Value,
    }
}
