using System.Text;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Characters.Cards;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

public sealed class MalformedCardTests
{
    private readonly CharacterCards _cards = CardAssert.Service();

    [Fact]
    public void A_file_without_the_png_signature_is_not_a_png()
    {
        CardAssert.Refused(CharacterCardErrorCodes.NotPng, () => _cards.ImportPng(CardSamples.Utf8(CardSamples.V2)));
        CardAssert.Refused(CharacterCardErrorCodes.NotPng, () => _cards.ImportPng([]));
    }

    [Fact]
    public void A_png_without_a_card_chunk_is_refused()
    {
        var png = TestPng.ImageWith(TestPng.Text("Comment", "hello"), TestPng.InternationalText("chara", CardSamples.Base64(CardSamples.V2)));

        CardAssert.Refused(CharacterCardErrorCodes.NoCardChunk, () => _cards.ImportPng(png));
    }

    [Fact]
    public void A_png_cut_short_at_any_byte_is_refused()
    {
        var png = TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64("""{"name":"A"}""")));

        for (var length = 0; length < png.Length; length++)
        {
            var code = length < TestPng.Signature.Length ? CharacterCardErrorCodes.NotPng : CharacterCardErrorCodes.BadPng;
            CardAssert.Refused(code, () => _cards.ImportPng(png.AsSpan(0, length)));
        }
    }

    [Fact]
    public void A_png_with_a_wrong_crc_in_any_chunk_is_refused()
    {
        var chunks = TestPng.ReadValid(TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64("""{"name":"A"}"""))));
        var offset = TestPng.Signature.Length;
        foreach (var (_, data) in chunks)
        {
            var png = TestPng.Write(chunks);
            png[offset + 8 + data.Length] ^= 0x01;

            CardAssert.Refused(CharacterCardErrorCodes.BadPng, () => _cards.ImportPng(png));
            offset += 12 + data.Length;
        }
    }

    [Fact]
    public void A_png_whose_chunk_data_changed_fails_its_crc()
    {
        var png = TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64("""{"name":"A"}""")));
        png[^20] ^= 0x04; // inside the card chunk's text

        var error = CardAssert.Refused(CharacterCardErrorCodes.BadPng, () => _cards.ImportPng(png));
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_that_does_not_start_with_ihdr_is_refused()
    {
        var chunks = TestPng.SmallImage();
        chunks.Insert(0, TestPng.Text("chara", CardSamples.Base64("""{"name":"A"}""")));

        CardAssert.Refused(CharacterCardErrorCodes.BadPng, () => _cards.ImportPng(TestPng.Write(chunks)));
    }

    [Fact]
    public void A_card_chunk_that_is_not_base64_is_refused()
    {
        var png = TestPng.ImageWith(TestPng.Text("ccv3", "not*base64!"), TestPng.Text("chara", CardSamples.Base64(CardSamples.V2)));

        CardAssert.Refused(CharacterCardErrorCodes.BadBase64, () => _cards.ImportPng(png));
    }

    [Fact]
    public void A_card_chunk_whose_text_is_not_utf8_is_refused()
    {
        var png = TestPng.ImageWith(TestPng.Text("chara", Convert.ToBase64String([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'])));

        CardAssert.Refused(CharacterCardErrorCodes.BadUtf8, () => _cards.ImportPng(png));
    }

    [Fact]
    public void A_card_chunk_that_is_not_json_is_refused()
    {
        var png = TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64("name: Lumina")));

        CardAssert.Refused(CharacterCardErrorCodes.BadJson, () => _cards.ImportPng(png));
    }

    [Theory]
    [InlineData("""{"name":"A",}""")]
    [InlineData("""{"name":"A"} trailing""")]
    [InlineData("""["name","A"]""")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("""{"name":"A","name":"B"}""")]
    [InlineData("""{"name":"A" /* comment */}""")]
    public void Text_that_is_not_a_json_object_is_refused(string json)
    {
        CardAssert.Refused(CharacterCardErrorCodes.BadJson, () => _cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Fact]
    public void Json_nested_deeper_than_64_levels_is_refused()
    {
        var json = """{"name":"A","x":""" + new string('[', 100) + new string(']', 100) + "}";

        CardAssert.Refused(CharacterCardErrorCodes.BadJson, () => _cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        byte[] json = [.. CardSamples.Utf8("""{"name":"A","description":" """), 0xFF, 0xFE, .. CardSamples.Utf8("\"}")];

        CardAssert.Refused(CharacterCardErrorCodes.BadUtf8, () => _cards.ImportJson(json));
    }

    [Theory]
    [InlineData("""{"name":"A","x_unknown":"\ud800"}""")]
    [InlineData("""{"name":"A","\udc00":1}""")]
    public void An_escaped_unpaired_surrogate_anywhere_is_refused(string json)
    {
        CardAssert.Refused(CharacterCardErrorCodes.BadUtf8, () => _cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Theory]
    [InlineData("""{"description":"no name"}""")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{"name":null}""")]
    [InlineData("""{"spec":"chara_card_v2","spec_version":"2.0","name":"top level only"}""")]
    [InlineData("""{"spec":"chara_card_v2","data":{"description":"x"}}""")]
    [InlineData("""{"spec":"chara_card_v3","spec_version":"3.0","data":{"name":""}}""")]
    public void A_card_without_a_name_or_data_is_refused(string json)
    {
        CardAssert.Refused(CharacterCardErrorCodes.MissingField, () => _cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Theory]
    [InlineData("""{"spec":"chara_card_v4","data":{"name":"A"}}""")]
    [InlineData("""{"spec":"tavern","name":"A"}""")]
    [InlineData("""{"spec":2,"data":{"name":"A"}}""")]
    public void A_card_with_an_unknown_spec_is_refused(string json)
    {
        CardAssert.Refused(CharacterCardErrorCodes.UnsupportedSpec, () => _cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Theory]
    [InlineData("""{"spec":"chara_card_v2","data":"A"}""")]
    [InlineData("""{"spec":"chara_card_v2","data":{"name":42}}""")]
    [InlineData("""{"spec":"chara_card_v2","data":{"name":"A","description":["x"]}}""")]
    [InlineData("""{"spec":"chara_card_v2","data":{"name":"A","alternate_greetings":"hi"}}""")]
    [InlineData("""{"spec":"chara_card_v2","data":{"name":"A","alternate_greetings":["hi", 2]}}""")]
    [InlineData("""{"spec":"chara_card_v2","data":{"name":"A","extensions":[]}}""")]
    [InlineData("""{"spec":"chara_card_v3","data":{"name":"A","nickname":{"x":1}}}""")]
    public void A_field_of_the_wrong_type_is_refused(string json)
    {
        CardAssert.Refused(CharacterCardErrorCodes.BadField, () => _cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Fact]
    public void Json_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var cards = CardAssert.Service(options => options.MaxJsonBytes = 100);
        var garbage = new byte[101];

        CardAssert.Refused(CharacterCardErrorCodes.TooLarge, () => cards.ImportJson(garbage));
        Assert.Equal("A", cards.ImportJson(CardSamples.Utf8("""{"name":"A"}""")).Persona.Name);
    }

    [Fact]
    public void A_png_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var cards = CardAssert.Service(options => options.MaxPngBytes = 1000);
        byte[] garbage = [.. TestPng.Signature, .. new byte[993]];

        CardAssert.Refused(CharacterCardErrorCodes.TooLarge, () => cards.ImportPng(garbage));
        CardAssert.Refused(CharacterCardErrorCodes.BadPng, () => cards.ImportPng(garbage.AsSpan(0, 1000)));
    }

    [Fact]
    public void A_card_chunk_over_the_json_limit_is_refused()
    {
        var cards = CardAssert.Service(options => options.MaxJsonBytes = 100);
        var json = $$"""{"name":"A","description":"{{new string('x', 200)}}"}""";

        CardAssert.Refused(CharacterCardErrorCodes.TooLarge, () => cards.ImportPng(TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64(json)))));
    }

    [Fact]
    public async Task An_endless_stream_is_refused_once_it_passes_the_limit()
    {
        var cards = CardAssert.Service(options => (options.MaxPngBytes, options.MaxJsonBytes) = (4096, 1024));
        using var endless = new EndlessStream();

        var error = await Assert.ThrowsAsync<CharacterCardException>(() => cards.ImportAsync(endless));

        Assert.Equal(CharacterCardErrorCodes.TooLarge, error.Code);
        Assert.True(endless.Delivered <= 4096 + 81_920, $"read {endless.Delivered} bytes");
    }

    [Fact]
    public void A_name_over_its_limit_is_refused()
    {
        var cards = CardAssert.Service(options => options.MaxNameLength = 5);

        CardAssert.Refused(CharacterCardErrorCodes.FieldTooLong, () => cards.ImportJson(CardSamples.Utf8("""{"name":"ルミナルミナ"}""")));
        Assert.Equal("ルミナルミ", cards.ImportJson(CardSamples.Utf8("""{"name":"ルミナルミ"}""")).Persona.Name);
    }

    [Theory]
    [InlineData("description")]
    [InlineData("personality")]
    [InlineData("scenario")]
    [InlineData("first_mes")]
    [InlineData("mes_example")]
    [InlineData("system_prompt")]
    [InlineData("post_history_instructions")]
    public void A_text_field_over_its_limit_is_refused(string field)
    {
        var cards = CardAssert.Service(options => options.MaxTextLength = 10);
        var json = """{"spec":"chara_card_v2","data":{"name":"A",""" + $"\"{field}\":\"12345678901\"" + "}}";

        var error = CardAssert.Refused(CharacterCardErrorCodes.FieldTooLong, () => cards.ImportJson(CardSamples.Utf8(json)));
        Assert.Contains("data." + field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alternate_greeting_over_the_text_limit_is_refused()
    {
        var cards = CardAssert.Service(options => options.MaxTextLength = 10);
        var json = """{"spec":"chara_card_v2","data":{"name":"A","alternate_greetings":["ok","12345678901"]}}""";

        CardAssert.Refused(CharacterCardErrorCodes.FieldTooLong, () => cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Fact]
    public void Too_many_greetings_are_refused()
    {
        var cards = CardAssert.Service(options => options.MaxGreetings = 2);
        var json = """{"spec":"chara_card_v2","data":{"name":"A","first_mes":"1","alternate_greetings":["2","3"]}}""";

        CardAssert.Refused(CharacterCardErrorCodes.FieldTooLong, () => cards.ImportJson(CardSamples.Utf8(json)));
    }

    [Fact]
    public void Exporting_into_an_avatar_that_is_not_a_png_is_refused()
    {
        CardAssert.Refused(CharacterCardErrorCodes.NotPng, () => _cards.ExportPng(new Persona { Name = "A" }, [1, 2, 3]));
    }

    [Fact]
    public void Random_bytes_only_ever_raise_card_errors()
    {
        var random = new Random(20261122);
        var valid = _cards.ExportPng(CardSamples.FullPersona());
        for (var i = 0; i < 400; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var prefix = (i % 3) switch
            {
                0 => TestPng.Signature,
                1 => Encoding.ASCII.GetBytes("{\"name\":"),
                _ => [],
            };
            RefusedOrImported([.. prefix, .. bytes]);
        }

        for (var i = 0; i < 400; i++)
        {
            var mutated = valid.ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] ^= (byte)random.Next(1, 256);
            }

            RefusedOrImported(mutated);
        }
    }

    [Fact]
    public void Mutated_card_json_only_ever_raises_card_errors()
    {
        var random = new Random(7);
        var valid = CardSamples.Utf8(CardSamples.V3);
        for (var i = 0; i < 400; i++)
        {
            var mutated = valid.ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            RefusedOrImported(mutated);
            RefusedOrImported(mutated.AsSpan(0, random.Next(mutated.Length)).ToArray());
        }
    }

    private void RefusedOrImported(byte[] input)
    {
        try
        {
            _cards.Import(input);
        }
        catch (CharacterCardException)
        {
            // The only acceptable failure.
        }
    }

    /// <summary>A stream that never ends, counting what it handed out.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Delivered { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Delivered += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
