using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Characters.Cards;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

public sealed class PngCardTests
{
    private readonly CharacterCards _cards = CardAssert.Service();

    [Fact]
    public void Exported_png_is_valid_and_carries_V2_in_chara_and_V3_in_ccv3()
    {
        var persona = CardSamples.FullPersona();

        var png = _cards.ExportPng(persona, TestPng.ImageWith());

        var chunks = TestPng.ReadValid(png);
        Assert.Equal(["IHDR", "IDAT", "tEXt", "tEXt", "IEND"], chunks.Select(chunk => chunk.Type));
        Assert.Equal("chara_card_v2", (string?)JsonNode.Parse(TestPng.CardText(png, "chara"))!["spec"]);
        Assert.Equal("chara_card_v3", (string?)JsonNode.Parse(TestPng.CardText(png, "ccv3"))!["spec"]);
        CardAssert.SamePersona(persona, _cards.ImportJson(CardSamples.Utf8(TestPng.CardText(png, "chara"))).Persona);
        CardAssert.SamePersona(persona, _cards.ImportPng(png).Persona);
    }

    [Fact]
    public void Without_an_avatar_the_card_goes_into_a_generated_64_pixel_placeholder()
    {
        var png = _cards.ExportPng(new Persona { Name = "ハル" });

        var chunks = TestPng.ReadValid(png);
        var header = chunks[0].Data;
        Assert.Equal(64u, BinaryPrimitives.ReadUInt32BigEndian(header));
        Assert.Equal(64u, BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)));
        Assert.Equal([8, 2, 0, 0, 0], header[8..]);
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks.Single(chunk => chunk.Type == "IDAT").Data), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal(64 * (1 + (64 * 3)), inflated.Length);
        Assert.Equal("ハル", _cards.ImportPng(png).Persona.Name);
    }

    [Fact]
    public void A_png_card_round_trip_keeps_every_field_of_the_card()
    {
        var original = TestPng.ImageWith(TestPng.Text("ccv3", CardSamples.Base64(CardSamples.V3)));
        var imported = _cards.ImportPng(original);

        var exported = _cards.ExportPng(imported.Persona, imported.Avatar);

        CardAssert.SameTree(CardSamples.V3, TestPng.CardText(exported, "ccv3"));
        var reimported = _cards.ImportPng(exported);
        Assert.Equal(CardSpec.V3, reimported.Spec);
        CardAssert.SamePersona(imported.Persona, reimported.Persona);
        CardAssert.SameTree(CardSamples.V3, reimported.Persona.SourceCard!);
    }

    [Fact]
    public void A_V2_png_card_round_trip_keeps_the_V2_card_in_chara()
    {
        var imported = _cards.ImportPng(TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64(CardSamples.V2))));

        var exported = _cards.ExportPng(imported.Persona, imported.Avatar);

        CardAssert.SameTree(CardSamples.V2, TestPng.CardText(exported, "chara"));
    }

    [Fact]
    public void Ccv3_wins_over_chara_wherever_it_is()
    {
        var v2 = TestPng.Text("chara", CardSamples.Base64("""{"spec":"chara_card_v2","data":{"name":"from chara"}}"""));
        var v3 = TestPng.Text("ccv3", CardSamples.Base64("""{"spec":"chara_card_v3","spec_version":"3.0","data":{"name":"from ccv3"}}"""));

        var charaFirst = _cards.ImportPng(TestPng.ImageWith(v2, v3));
        var ccv3First = _cards.ImportPng(TestPng.ImageWith(v3, v2));

        Assert.Equal(("from ccv3", CardSpec.V3), (charaFirst.Persona.Name, charaFirst.Spec));
        Assert.Equal(("from ccv3", CardSpec.V3), (ccv3First.Persona.Name, ccv3First.Spec));
    }

    [Fact]
    public void A_png_with_only_a_chara_chunk_imports_it()
    {
        var imported = _cards.ImportPng(TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64(CardSamples.V2))));

        Assert.Equal(CardSpec.V2, imported.Spec);
        Assert.Equal("ルミナ 🌙", imported.Persona.Name);
        Assert.Equal(CardSamples.V2, imported.Persona.SourceCard);
    }

    [Fact]
    public void Export_keeps_the_avatars_other_text_chunks_and_replaces_its_old_card_chunks()
    {
        (string, byte[])[] others =
        [
            TestPng.Text("Comment", "keep me"),
            TestPng.CompressedText("Software", "painter 1.0"),
            TestPng.InternationalText("Description", "説明 ✨"),
        ];
        var avatar = TestPng.ImageWith(
            others[0],
            TestPng.Text("chara", CardSamples.Base64("""{"name":"old"}""")),
            others[1],
            TestPng.Text("CCV3", CardSamples.Base64("""{"name":"old"}""")),
            TestPng.InternationalText("chara", "old"),
            others[2]);

        var png = _cards.ExportPng(new Persona { Name = "new" }, avatar);

        var chunks = TestPng.ReadValid(png);
        var texts = chunks.Where(chunk => chunk.Type is "tEXt" or "zTXt" or "iTXt").ToList();
        static bool IsCard(byte[] data) => TestPng.Keyword(data) is var keyword && (keyword.Equals("chara", StringComparison.OrdinalIgnoreCase) || keyword.Equals("ccv3", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(others.Select(chunk => chunk.Item2), texts.Where(chunk => !IsCard(chunk.Data)).Select(chunk => chunk.Data));
        Assert.Equal([("tEXt", "chara"), ("tEXt", "ccv3")], texts.Where(chunk => IsCard(chunk.Data)).Select(chunk => (chunk.Type, TestPng.Keyword(chunk.Data))));
        Assert.Equal("new", _cards.ImportPng(png).Persona.Name);
        Assert.Equal(TestPng.SmallImage()[1].Data, chunks.Single(chunk => chunk.Type == "IDAT").Data);
    }

    [Fact]
    public void The_imported_avatar_is_the_image_without_its_card_chunks()
    {
        var comment = TestPng.Text("Comment", "keep me");
        var png = TestPng.ImageWith(comment, TestPng.Text("ccv3", CardSamples.Base64(CardSamples.V3)), TestPng.Text("chara", CardSamples.Base64(CardSamples.V2)));

        var avatar = _cards.ImportPng(png).Avatar!;

        var expected = TestPng.SmallImage();
        expected.Insert(2, comment);
        Assert.Equal(TestPng.Write(expected), avatar);
    }
}
