using LlmMultiChat.Grains.Knowledge;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Knowledge;

public sealed class KnowledgeGrainTests
{
    private static readonly string[] EnglishFacts =
    [
        "The Eiffel Tower is a wrought-iron lattice tower in Paris, completed in 1889 for the World's Fair.",
        "Photosynthesis lets green plants turn sunlight, water and carbon dioxide into glucose and oxygen.",
        "The Pacific Ocean is the largest and deepest of the world's oceans, covering about a third of the Earth.",
    ];

    private static readonly string[] JapaneseFacts =
    [
        "富士山は日本で一番高い山で、標高は三七七六メートルです。",
        "東京タワーは一九五八年に完成した電波塔で、港区芝公園にあります。",
        "寿司は酢飯に魚介や野菜を合わせた日本の料理です。",
    ];

    [Fact]
    public async Task An_added_document_is_chunked_listed_and_found_by_a_query_sharing_its_words()
    {
        await using var silo = await StartAsync();
        var movie = silo.GetGrain<IKnowledgeGrain>("tech");

        var added = await movie.Add(new NewKnowledgeDocument(" Facts ", string.Join("\n\n", EnglishFacts), " https://example.com/facts ", "alice"));

        Assert.Equal(("tech", "Facts", "https://example.com/facts", "alice", silo.Time.GetUtcNow()), (added.Namespace, added.Title, added.Source, added.AddedBy, added.AddedAt));
        Assert.Equal(1, added.ChunkCount);
        Assert.Equal([added], await movie.Documents());
        var hit = Assert.Single(await movie.Search("largest ocean", 5));
        Assert.Equal((added.Id, "Facts", 0), (hit.DocumentId, hit.DocumentTitle, hit.ChunkIndex));
    }

    [Fact]
    public async Task Search_ranks_the_chunk_sharing_the_query_words_first_in_english()
    {
        await using var silo = await StartAsync();
        var tech = silo.GetGrain<IKnowledgeGrain>("tech");
        foreach (var (fact, i) in EnglishFacts.Select((f, i) => (f, i)))
        {
            await tech.Add(new NewKnowledgeDocument($"fact {i}", fact, null, "alice"));
        }

        var hits = await tech.Search("How do plants turn sunlight into glucose?", 3);

        Assert.Equal(3, hits.Count);
        Assert.Equal(EnglishFacts[1], hits[0].Text);
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    [Fact]
    public async Task Search_ranks_the_chunk_sharing_the_query_words_first_in_japanese()
    {
        await using var silo = await StartAsync();
        var history = silo.GetGrain<IKnowledgeGrain>("history");
        foreach (var (fact, i) in JapaneseFacts.Select((f, i) => (f, i)))
        {
            await history.Add(new NewKnowledgeDocument($"事実{i}", fact, null, "alice"));
        }

        var hits = await history.Search("日本で一番高い山は？", 2);

        Assert.Equal(JapaneseFacts[0], hits[0].Text);
        Assert.Equal("事実0", hits[0].DocumentTitle);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task A_long_document_is_stored_as_several_chunks_and_the_matching_one_comes_first()
    {
        await using var silo = await StartAsync(o => (o.MaxChunkChars, o.ChunkOverlapChars) = (120, 20));
        var news = silo.GetGrain<IKnowledgeGrain>("news");

        var added = await news.Add(new NewKnowledgeDocument("all", string.Join(" ", EnglishFacts.Concat(JapaneseFacts)), null, "alice"));

        Assert.True(added.ChunkCount >= 4, $"{added.ChunkCount} chunks");
        var hit = (await news.Search("東京タワーは電波塔", 1)).Single();
        Assert.Contains(JapaneseFacts[1], hit.Text, StringComparison.Ordinal);
        Assert.InRange(hit.ChunkIndex, 1, added.ChunkCount - 1);
    }

    [Fact]
    public async Task A_deleted_document_and_its_chunks_are_gone_from_the_list_and_from_search()
    {
        await using var silo = await StartAsync(o => (o.MaxChunkChars, o.ChunkOverlapChars) = (120, 20));
        var gossip = silo.GetGrain<IKnowledgeGrain>("gossip");
        var english = await gossip.Add(new NewKnowledgeDocument("en", string.Join(" ", EnglishFacts), null, "alice"));
        var japanese = await gossip.Add(new NewKnowledgeDocument("ja", string.Join(string.Empty, JapaneseFacts), null, "alice"));

        Assert.True(await gossip.Delete(english.Id));

        Assert.Equal([japanese.Id], (await gossip.Documents()).Select(d => d.Id));
        var hits = await gossip.Search("Eiffel Tower in Paris", 50);
        Assert.Equal(japanese.ChunkCount, hits.Count);
        Assert.All(hits, h => Assert.Equal(japanese.Id, h.DocumentId));
        Assert.False(await gossip.Delete(english.Id));
        Assert.False(await gossip.Delete("no-such-document"));
    }

    [Fact]
    public async Task Documents_chunks_and_vectors_survive_reactivation_without_embedding_again()
    {
        var embedder = new SwitchableEmbedder();
        await using var silo = await StartAsync(embedder: embedder);
        var tech = silo.GetGrain<IKnowledgeGrain>("tech");
        var kept = await tech.Add(new NewKnowledgeDocument("photosynthesis", EnglishFacts[1], "textbook", "alice"));
        var dropped = await tech.Add(new NewKnowledgeDocument("ocean", EnglishFacts[2], null, "alice"));
        await tech.Delete(dropped.Id);
        var before = await tech.Search("plants and sunlight", 5);

        await DeactivateAsync(silo, "tech");
        var embeddedBefore = embedder.TextsEmbedded;

        Assert.Equal([kept], await tech.Documents());
        Assert.Equal(before, await tech.Search("plants and sunlight", 5));
        Assert.Equal(embeddedBefore + 1, embedder.TextsEmbedded);
    }

    [Fact]
    public async Task Vectors_of_another_embedding_model_are_re_embedded_on_activation()
    {
        var embedder = new SwitchableEmbedder();
        await using var silo = await StartAsync(embedder: embedder);
        var tech = silo.GetGrain<IKnowledgeGrain>("tech");
        foreach (var (fact, i) in EnglishFacts.Select((f, i) => (f, i)))
        {
            await tech.Add(new NewKnowledgeDocument($"fact {i}", fact, null, "alice"));
        }

        await DeactivateAsync(silo, "tech");
        embedder.Current = new FeatureHashingEmbedder(new FeatureHashingOptions { Dimensions = 64 });
        var embeddedBefore = embedder.TextsEmbedded;

        // With the old 256-dimension vectors still indexed, a 64-dimension query would not even compare.
        var hits = await tech.Search("the largest and deepest ocean", 3);

        Assert.Equal(EnglishFacts[2], hits[0].Text);
        Assert.Equal(embeddedBefore + EnglishFacts.Length + 1, embedder.TextsEmbedded);
        await DeactivateAsync(silo, "tech");
        await tech.Search("ocean", 1);
        Assert.Equal(embeddedBefore + EnglishFacts.Length + 2, embedder.TextsEmbedded);
    }

    public static TheoryData<string, string, string?, string> BadDocuments() => new()
    {
        { "", "text", null, "title" },
        { "   ", "text", null, "title" },
        { new string('t', 201), "text", null, "title" },
        { "title", "", null, "text" },
        { "title", " \n ", null, "text" },
        { "title", new string('a', (1 << 20) + 1), null, "text" },
        // 349,526 kana are 1,048,578 UTF-8 bytes: the limit counts bytes, not characters.
        { "title", new string('あ', 349_526), null, "text" },
        { "title", "text", new string('s', 2001), "source" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_document_breaking_a_limit_is_refused_naming_the_field_and_nothing_is_stored(string title, string text, string? source, string field)
    {
        await using var silo = await StartAsync();
        var movie = silo.GetGrain<IKnowledgeGrain>("movie");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => movie.Add(new NewKnowledgeDocument(title, text, source, "alice")));

        Assert.Equal(field, error.ParamName);
        Assert.Empty(await movie.Documents());
        Assert.Empty(await movie.Search("text", 5));
    }

    [Fact]
    public async Task A_document_that_would_overfill_the_namespace_is_refused_and_the_earlier_ones_stay()
    {
        await using var silo = await StartAsync(o => (o.MaxChunkChars, o.ChunkOverlapChars, o.MaxChunksPerNamespace) = (120, 20, 3));
        var news = silo.GetGrain<IKnowledgeGrain>("news");
        var first = await news.Add(new NewKnowledgeDocument("first", EnglishFacts[0], null, "alice"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => news.Add(new NewKnowledgeDocument("long", string.Join(" ", EnglishFacts), null, "alice")));

        Assert.Equal("text", error.ParamName);
        Assert.Equal([first.Id], (await news.Documents()).Select(d => d.Id));
        Assert.All(await news.Search("ocean", 10), h => Assert.Equal(first.Id, h.DocumentId));
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("x")]
    [InlineData("kb:movie")]
    public async Task A_namespace_id_outside_the_pattern_stores_nothing(string id)
    {
        await using var silo = await StartAsync();
        var bad = silo.GetGrain<IKnowledgeGrain>(id);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bad.Add(new NewKnowledgeDocument("title", "text", null, "alice")));

        Assert.Equal("namespace", error.ParamName);
        Assert.Empty(await bad.Documents());
    }

    [Theory]
    [InlineData("", 5, "q")]
    [InlineData("ok", 0, "k")]
    [InlineData("ok", 51, "k")]
    public async Task A_search_outside_the_limits_is_refused(string query, int count, string field)
    {
        await using var silo = await StartAsync();
        var tech = silo.GetGrain<IKnowledgeGrain>("tech");
        await tech.Add(new NewKnowledgeDocument("title", EnglishFacts[0], null, "alice"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => tech.Search(query, count));

        Assert.Equal(field, error.ParamName);
        Assert.Equal("q", (await Assert.ThrowsAsync<ArgumentException>(() => tech.Search(new string('q', 1001), 5))).ParamName);
    }

    private static async Task DeactivateAsync(TestSilo silo, string key)
    {
        silo.Time.Advance(TimeSpan.FromMinutes(16));
        await silo.WhenDeactivated(GrainId.Create("knowledge", key)).WaitOrFail($"knowledge namespace {key} to be collected");
    }

    [Fact]
    public async Task The_directory_lists_the_namespaces_holding_documents_and_drops_one_when_its_last_document_goes()
    {
        await using var silo = await StartAsync();
        var directory = silo.GetGrain<IKnowledgeDirectoryGrain>(IKnowledgeDirectoryGrain.Key);
        var history = silo.GetGrain<IKnowledgeGrain>("history");
        var first = await history.Add(new NewKnowledgeDocument("寺", JapaneseFacts[0], null, "alice"));
        await history.Add(new NewKnowledgeDocument("塔", JapaneseFacts[1], null, "alice"));
        await silo.GetGrain<IKnowledgeGrain>("tech").Add(new NewKnowledgeDocument("Paris", EnglishFacts[0], null, "bob"));
        await silo.GetGrain<IKnowledgeGrain>("movie").Search("anything", 3);

        var all = await directory.Namespaces();
        await history.Delete(first.Id);
        var afterOne = await directory.Namespaces();
        await history.Delete((await history.Documents())[0].Id);

        Assert.Equal(["history", "tech"], all);
        Assert.Equal(["history", "tech"], afterOne);
        Assert.Equal(["tech"], await directory.Namespaces());
    }

    [Fact]
    public async Task Forgetting_a_contributor_keeps_their_documents_attributed_to_nobody_and_leaves_the_others()
    {
        await using var silo = await StartAsync();
        var tech = silo.GetGrain<IKnowledgeGrain>("tech");
        await tech.Add(new NewKnowledgeDocument("Paris", EnglishFacts[0], null, "alice"));
        await tech.Add(new NewKnowledgeDocument("Plants", EnglishFacts[1], null, "bob"));

        var forgotten = await tech.ForgetContributor("alice");
        await DeactivateAsync(silo, "tech");

        Assert.Equal(1, forgotten);
        Assert.Equal([KnowledgeGrain.ErasedContributor, "bob"], (await tech.Documents()).Select(d => d.AddedBy));
        Assert.Equal("Paris", (await tech.Search("Eiffel Tower in Paris", 1))[0].DocumentTitle);
        Assert.Equal(0, await tech.ForgetContributor("alice"));
    }

    private static Task<TestSilo> StartAsync(Action<KnowledgeOptions>? configure = null, IEmbedder? embedder = null)
    {
        var options = new KnowledgeOptions();
        configure?.Invoke(options);
        return TestSilo.StartAsync(
            b => b.AddGrain<KnowledgeGrain>().AddGrain<KnowledgeDirectoryGrain>(),
            services => services.AddSingleton(embedder ?? new FeatureHashingEmbedder()).AddSingleton(Options.Create(options)).AddLogging());
    }
}
