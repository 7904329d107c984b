using System.Text;
using LlmMultiChat.Grains.Characters.Cards;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

public sealed class Crc32Tests
{
    [Fact]
    public void Crc32_gives_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Crc32_of_type_and_data_matches_a_bitwise_computation()
    {
        var random = new Random(3);
        var data = new byte[1000];
        random.NextBytes(data);
        var type = Encoding.ASCII.GetBytes("tEXt");

        Assert.Equal(TestPng.BitwiseCrc([.. type, .. data]), Crc32.Compute(type, data));
        Assert.Equal(0xAE426082u, Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));
    }
}
