using System.Text.Encodings.Web;
using System.Text.Json;

namespace Silo.Storage;

/// <summary>
/// Turns states into JSON and back, the same way for every provider: camelCase, unescaped non-ASCII (readable
/// Japanese in the database), unknown properties ignored so older rows still load after a state type grows.
/// </summary>
public sealed class GrainStateSerializer
{
    /// <summary>The serializer every provider uses unless configured otherwise.</summary>
    public static readonly GrainStateSerializer Default = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly JsonSerializerOptions _options;

    public GrainStateSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _options.MakeReadOnly(populateMissingResolver: true);
    }

    public string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, _options);

    /// <exception cref="GrainStateSerializationException">The JSON is corrupt or does not fit <typeparamref name="TState"/>.</exception>
    public TState Deserialize<TState>(string json, GrainId grainId, string stateName)
    {
        try
        {
            return JsonSerializer.Deserialize<TState>(json, _options) ?? Activator.CreateInstance<TState>();
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new GrainStateSerializationException(grainId, stateName, typeof(TState), ex);
        }
    }
}
