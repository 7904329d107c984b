using LlmMultiChat.Grains.Knowledge;

namespace LlmMultiChat.Grains.Tests.Knowledge;

public sealed class TextChunkerTests
{
    private const int Max = 200;
    private const int Overlap = 50;

    private static readonly TextChunker Chunker = new(Max, Overlap);

    [Fact]
    public void A_short_text_is_one_chunk_with_its_whitespace_normalized()
    {
        var chunks = Chunker.Split("  Title line \r\n\r\n\r\n First   sentence.\tSecond\nline.  ");

        Assert.Equal(["Title line\n\nFirst sentence. Second\nline."], chunks);
    }

    [Fact]
    public void Blank_text_has_no_chunks()
    {
        Assert.Empty(Chunker.Split(" \n\t "));
    }

    [Fact]
    public void Sentences_end_at_latin_and_japanese_terminators_and_paragraph_breaks_but_not_inside_numbers()
    {
        var sentences = TextChunker.Sentences("円周率は3.14です。本当？はい！「そうね。」次へ\n\nHeading\n\nIt costs 3.50 dollars! Really?! Yes.");

        Assert.Equal(["円周率は3.14です。", "本当？", "はい！", "「そうね。」", "次へ", "Heading", "It costs 3.50 dollars!", "Really?!", "Yes."], sentences);
    }

    [Fact]
    public void English_sentences_are_packed_into_bounded_chunks_that_end_on_a_sentence_and_overlap_the_previous_one()
    {
        var sentences = Enumerable.Range(0, 40).Select(i => $"Sentence number {i} talks about topic {i * 7 % 13}.").ToList();

        var chunks = Chunker.Split(string.Join(" ", sentences));

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, Max));
        Assert.All(chunks, c => Assert.EndsWith(".", c, StringComparison.Ordinal));
        AssertOverlapping(chunks);
        Assert.All(sentences, s => Assert.Contains(chunks, c => c.Contains(s, StringComparison.Ordinal)));
        // Whole sentences fit in the overlap here, so each chunk starts on one.
        Assert.All(chunks, c => Assert.StartsWith("Sentence number", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Japanese_sentences_without_spaces_are_packed_on_their_terminators_with_overlap()
    {
        var sentences = Enumerable.Range(0, 80).Select(i => $"これは{i}番目の文で、話題は{i % 5}です{"。！？"[i % 3]}").ToList();

        var chunks = Chunker.Split(string.Concat(sentences));

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, Max));
        Assert.All(chunks, c => Assert.Contains(c[^1], "。！？"));
        AssertOverlapping(chunks);
        Assert.All(sentences, s => Assert.Contains(chunks, c => c.Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public void One_long_run_without_terminators_or_spaces_is_cut_into_bounded_overlapping_chunks_that_cover_it()
    {
        // No character repeats, so each overlap is unambiguous.
        var text = new string([.. Enumerable.Range(0, 2000).Select(i => (char)(0x4E00 + (i * 7919 % 20000)))]);

        var chunks = Chunker.Split(text);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, Max));
        var overlaps = AssertOverlapping(chunks);
        Assert.Equal(text, chunks[0] + string.Concat(chunks.Skip(1).Select((c, i) => c[overlaps[i]..])));
    }

    [Fact]
    public void A_long_english_sentence_is_cut_between_words()
    {
        var words = Enumerable.Range(0, 120).Select(i => $"word{i}").ToList();

        var chunks = Chunker.Split(string.Join(" ", words));

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, Max));
        AssertOverlapping(chunks);
        Assert.All(chunks, c => Assert.All(c.Split(' '), w => Assert.Contains(w, words)));
    }

    [Fact]
    public void Without_overlap_chunks_follow_each_other()
    {
        var text = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"Fact {i} is short."));

        var chunks = new TextChunker(100, 0).Split(text);

        Assert.Equal(text, string.Join(" ", chunks));
    }

    [Theory]
    [InlineData(31, 0)]
    [InlineData(100, -1)]
    [InlineData(100, 51)]
    public void Sizes_that_leave_no_room_are_refused(int max, int overlap)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextChunker(max, overlap));
    }

    /// <summary>Each chunk after the first starts with 1..Overlap characters the previous one ends with; returns those lengths.</summary>
    private static List<int> AssertOverlapping(IReadOnlyList<string> chunks)
    {
        var lengths = new List<int>();
        for (var i = 1; i < chunks.Count; i++)
        {
            var length = Enumerable.Range(1, Math.Min(chunks[i - 1].Length, chunks[i].Length)).LastOrDefault(n => chunks[i - 1].EndsWith(chunks[i][..n], StringComparison.Ordinal));
            Assert.InRange(length, 1, Overlap);
            lengths.Add(length);
        }

        return lengths;
    }
}
