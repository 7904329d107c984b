using System.Buffers;
using System.Text;

namespace LlmMultiChat.Grains.Knowledge;

/// <summary>
/// Splits a document into chunks for embedding. Whitespace is normalized first (a run with two or more line breaks
/// becomes a paragraph break <c>\n\n</c>, one with a single line break <c>\n</c>, any other run one space). The text
/// is cut into sentences (ending in <c>. ! ?</c> followed by whitespace, or in <c>。！？</c>, closing brackets and
/// quotes included; a paragraph break also ends one), and sentences are packed greedily into chunks of at most
/// <see cref="MaxChunkChars"/>. A sentence too long for a chunk is cut at its last space in reach (mid-text for
/// Japanese, which has none). Each chunk after the first starts with up to <see cref="OverlapChars"/> of the
/// previous chunk's end: its last whole sentences when they fit, else its tail from a word start.
/// Every chunk is a verbatim piece of the normalized text.
/// </summary>
public sealed class TextChunker
{
    // The widest whitespace between two pieces after normalization (a paragraph break).
    private const int MaxGap = 2;

    private const string CjkTerminators = "。！？";
    private const string LatinTerminators = ".!?";
    private const string Closers = "\"'”’)）」』】〉》]";

    // Inside a sentence only these two remain after normalization.
    private static readonly SearchValues<char> LineSpace = SearchValues.Create(" \n");

    private readonly int _maxPiece;

    public TextChunker(int maxChunkChars, int overlapChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunkChars, 32);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapChars);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(overlapChars, maxChunkChars / 2);
        MaxChunkChars = maxChunkChars;
        OverlapChars = overlapChars;
        // A piece this short still fits after the widest overlap and gap, so no chunk outgrows the maximum.
        _maxPiece = maxChunkChars - overlapChars - MaxGap;
    }

    public int MaxChunkChars { get; }

    public int OverlapChars { get; }

    /// <summary>The chunks of <paramref name="text"/>, in order; none for blank text.</summary>
    public IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = NormalizeWhitespace(text);
        var pieces = new List<Range>();
        foreach (var sentence in SentenceRanges(normalized))
        {
            CutToFit(normalized, sentence, pieces);
        }

        var chunks = new List<string>();
        if (pieces.Count == 0)
        {
            return chunks;
        }

        var first = 0;
        var start = pieces[0].Start.Value;
        for (var i = 1; i < pieces.Count; i++)
        {
            if (pieces[i].End.Value - start <= MaxChunkChars)
            {
                continue;
            }

            var end = pieces[i - 1].End.Value;
            chunks.Add(normalized[start..end]);
            start = OverlapStart(normalized, pieces, first, i, end);
            first = i;
        }

        chunks.Add(normalized[start..pieces[^1].End.Value]);
        return chunks;
    }

    /// <summary>The sentences of <paramref name="text"/> (whitespace as it is), trimmed, in order.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. SentenceRanges(text).Select(r => text[r])];
    }

    private static string NormalizeWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                builder.Append(text[i++]);
                continue;
            }

            var lineBreaks = 0;
            for (; i < text.Length && char.IsWhiteSpace(text[i]); i++)
            {
                // \r\n counts once; a lone \r (old Mac files) counts as a break of its own.
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                {
                    lineBreaks++;
                }
            }

            builder.Append(lineBreaks switch { 0 => " ", 1 => "\n", _ => "\n\n" });
        }

        return builder.ToString().Trim();
    }

    private static IEnumerable<Range> SentenceRanges(string text)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                yield break;
            }

            var start = i;
            var end = SentenceEnd(text, start);
            var trimmedEnd = end;
            while (char.IsWhiteSpace(text[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            yield return start..trimmedEnd;
            i = end;
        }
    }

    /// <summary>Where the sentence starting at <paramref name="start"/> ends (exclusive).</summary>
    private static int SentenceEnd(string text, int start)
    {
        for (var j = start; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '\n' && j + 1 < text.Length && text[j + 1] == '\n')
            {
                return j;
            }

            var cjk = CjkTerminators.Contains(c, StringComparison.Ordinal);
            if (!cjk && !LatinTerminators.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            var k = j + 1;
            while (k < text.Length && (CjkTerminators.Contains(text[k], StringComparison.Ordinal) || LatinTerminators.Contains(text[k], StringComparison.Ordinal)))
            {
                k++;
            }

            while (k < text.Length && Closers.Contains(text[k], StringComparison.Ordinal))
            {
                k++;
            }

            // "3.14" and "example.com" go on; a Latin full stop ends a sentence only before whitespace.
            if (cjk || k == text.Length || char.IsWhiteSpace(text[k]))
            {
                return k;
            }

            j = k - 1;
        }

        return text.Length;
    }

    /// <summary>Adds <paramref name="sentence"/> to <paramref name="pieces"/>, cut into parts no longer than a piece may be.</summary>
    private void CutToFit(string text, Range sentence, List<Range> pieces)
    {
        var start = sentence.Start.Value;
        var end = sentence.End.Value;
        while (end - start > _maxPiece)
        {
            var cut = start + _maxPiece;
            var space = text.AsSpan(start + (_maxPiece / 2), (_maxPiece / 2) + 1).LastIndexOfAny(LineSpace);
            if (space >= 0)
            {
                cut = start + (_maxPiece / 2) + space;
            }
            else if (char.IsLowSurrogate(text[cut]))
            {
                cut--;
            }

            var pieceEnd = cut;
            while (char.IsWhiteSpace(text[pieceEnd - 1]))
            {
                pieceEnd--;
            }

            pieces.Add(start..pieceEnd);
            start = cut;
            while (char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        pieces.Add(start..end);
    }

    /// <summary>
    /// Where the chunk after the one ending at <paramref name="end"/> (pieces <paramref name="first"/> to
    /// <paramref name="next"/> - 1) starts: at the earliest of its sentences that lie wholly in the overlap, else at a
    /// word start in its last <see cref="OverlapChars"/>, else exactly there; without overlap, at piece <paramref name="next"/>.
    /// </summary>
    private int OverlapStart(string text, List<Range> pieces, int first, int next, int end)
    {
        if (OverlapChars == 0)
        {
            return pieces[next].Start.Value;
        }

        var earliest = end - OverlapChars;
        for (var p = first + 1; p < next; p++)
        {
            if (pieces[p].Start.Value >= earliest)
            {
                return pieces[p].Start.Value;
            }
        }

        var space = text.AsSpan(earliest, end - earliest).IndexOfAny(LineSpace);
        var overlapStart = space >= 0 ? earliest + space + 1 : earliest;
        while (overlapStart < end && (char.IsWhiteSpace(text[overlapStart]) || char.IsLowSurrogate(text[overlapStart])))
        {
            overlapStart++;
        }

        return overlapStart < end ? overlapStart : pieces[next].Start.Value;
    }
}
