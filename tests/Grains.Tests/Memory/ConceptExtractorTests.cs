using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

public sealed class ConceptExtractorTests
{
    private readonly ConceptExtractor _extractor = new();

    [Fact]
    public void A_Japanese_sentence_gives_its_kanji_and_katakana_runs_in_order()
    {
        var concepts = _extractor.Extract("昨日は京都駅の近くでラーメンを食べて、抹茶アイスも買いました。");

        Assert.Equal(["昨日", "京都駅", "ラーメン", "抹茶", "アイス"], concepts);
    }

    [Fact]
    public void An_English_sentence_gives_its_content_words_lower_cased_without_stopwords()
    {
        var concepts = _extractor.Extract("The Matrix is my favourite movie, and I watched it again in 2024!");

        Assert.Equal(["matrix", "favourite", "movie", "watched", "2024"], concepts);
    }

    [Fact]
    public void Mixed_scripts_split_where_the_script_changes()
    {
        var concepts = _extractor.Extract("Pythonでプログラミングを勉強中");

        Assert.Equal(["python", "プログラミング", "勉強中"], concepts);
    }

    [Fact]
    public void Repeats_are_kept_so_positions_stay_true_for_the_association_window()
    {
        Assert.Equal(["coffee", "morning", "coffee"], _extractor.Extract("coffee in the morning, coffee"));
    }

    [Fact]
    public void Full_width_and_half_width_forms_are_normalized()
    {
        Assert.Equal(["kyoto", "カメラ"], _extractor.Extract("ＫＹＯＴＯのｶﾒﾗ"));
    }

    [Fact]
    public void Japanese_stopwords_and_runs_below_the_minimum_length_are_dropped()
    {
        Assert.Equal(["映画"], _extractor.Extract("自分は本当に映画が好き"));
        Assert.Equal(["猫", "映画"], new ConceptExtractor(new ConceptExtractorOptions { MinLength = 1 }).Extract("猫と映画"));
    }

    [Fact]
    public void Hiragana_runs_separate_concepts_and_count_only_when_asked()
    {
        Assert.Equal(["東京", "大阪"], _extractor.Extract("東京、おすし、大阪です"));

        var withHiragana = new ConceptExtractor(new ConceptExtractorOptions { IncludeHiragana = true });
        Assert.Equal(["東京", "おすし", "大阪"], withHiragana.Extract("東京、おすし、大阪です"));
    }

    [Fact]
    public void The_long_vowel_mark_stays_inside_a_katakana_word()
    {
        Assert.Equal(["コーヒー", "ケーキ"], _extractor.Extract("コーヒーとケーキ"));
    }
}
