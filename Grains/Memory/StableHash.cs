namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// 64-bit FNV-1a over UTF-16 code units. string.GetHashCode is randomized per process, and stored vectors must
/// mean the same thing after a restart.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Fnv1a64(ReadOnlySpan<char> text)
    {
        var hash = OffsetBasis;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
