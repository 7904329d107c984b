using System.Numerics.Tensors;

namespace LlmMultiChat.Grains.Memory;

internal static class VectorMath
{
    /// <summary>Scales <paramref name="vector"/> in place to unit length; an all-zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
