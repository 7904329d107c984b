using System.Buffers.Binary;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// A vector as little-endian float32 bytes: JSON writes them as base64, about half the size of a list of numbers
/// and exact (no decimal round trip).
/// </summary>
public static class PackedVector
{
    public static byte[] Pack(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    /// <exception cref="ArgumentException">The length is not a whole number of floats.</exception>
    public static float[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new ArgumentException($"A packed vector has a multiple of {sizeof(float)} bytes, not {bytes.Length}.", nameof(bytes));
        }

        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return vector;
    }
}
