using System.Globalization;
using System.Text;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// The offline embedder: character n-grams of the NFKC, lower-cased text (whitespace runs folded to one space, the
/// text padded by a space so word starts and ends count) hashed into a fixed number of signed buckets, then
/// L2-normalized. Works for Japanese without a tokenizer; similar wording gives similar vectors, synonyms do not.
/// </summary>
public sealed class FeatureHashingEmbedder : IEmbedder
{
    private readonly FeatureHashingOptions _options;

    public FeatureHashingEmbedder(FeatureHashingOptions? options = null)
    {
        _options = options ?? new FeatureHashingOptions();
        if (_options.Dimensions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Dimensions, "Dimensions must be at least 1.");
        }

        if (_options.MinGram < 1 || _options.MaxGram < _options.MinGram)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{_options.MinGram}..{_options.MaxGram}", "The n-gram range must satisfy 1 <= MinGram <= MaxGram.");
        }

        Model = string.Create(CultureInfo.InvariantCulture, $"hashing:{_options.Dimensions}:{_options.MinGram}-{_options.MaxGram}");
    }

    public string Model { get; }

    public int Dimensions => _options.Dimensions;

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors[i] = Embed(texts[i]);
        }

        return Task.FromResult<IReadOnlyList<float[]>>(vectors);
    }

    /// <summary>The vector of one text, computed synchronously (it is pure CPU work).</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[_options.Dimensions];
        var prepared = Prepare(text);
        if (prepared.Length <= 2)
        {
            return vector;
        }

        for (var n = _options.MinGram; n <= _options.MaxGram; n++)
        {
            for (var start = 0; start + n <= prepared.Length; start++)
            {
                var gram = prepared.AsSpan(start, n);
                if (gram.IsWhiteSpace())
                {
                    continue;
                }

                var hash = StableHash.Fnv1a64(gram);
                // Low bits pick the bucket, the top bit the sign, so colliding n-grams cancel out on average.
                vector[(int)(hash % (ulong)vector.Length)] += (hash >> 63) == 0 ? 1f : -1f;
            }
        }

        VectorMath.Normalize(vector);
        return vector;
    }

    private static string Prepare(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length + 2).Append(' ');
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}
