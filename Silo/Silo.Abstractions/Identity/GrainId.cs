using System.Globalization;

namespace Silo;

/// <summary>
/// The identity of a grain: its grain type and its key. Equal ids always address the same (single) activation.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    /// <summary>The longest key accepted, in UTF-16 code units.</summary>
    public const int MaxKeyLength = 512;

    private readonly int _hashCode;

    private GrainId(string type, string key)
    {
        Type = type;
        Key = key;
        _hashCode = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(key));
    }

    /// <summary>The grain type name (see <see cref="GrainTypeAttribute"/>).</summary>
    public string Type { get; }

    /// <summary>The grain's key within its type.</summary>
    public string Key { get; }

    /// <summary>True for <c>default(GrainId)</c>, which addresses nothing.</summary>
    public bool IsDefault => Type is null;

    /// <summary>Creates an id after validating both parts.</summary>
    /// <exception cref="ArgumentException">The type or key is empty, longer than 512 characters, or contains a control character.</exception>
    public static GrainId Create(string type, string key)
    {
        Validate(type, nameof(type), "Grain type");
        Validate(key, nameof(key), "Grain key");
        return new GrainId(type, key);
    }

    private static void Validate(string value, string parameterName, string what)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0)
        {
            throw new ArgumentException($"{what} must not be empty.", parameterName);
        }

        if (value.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"{what} is {value.Length} characters long; the limit is {MaxKeyLength}.", parameterName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{what} contains the control character U+{(int)value[i]:X4} at index {i}."),
                    parameterName);
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(GrainId other) =>
        _hashCode == other._hashCode
        && string.Equals(Type, other.Type, StringComparison.Ordinal)
        && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hashCode;

    /// <summary>"type/key", the form used in logs and error messages.</summary>
    public override string ToString() => IsDefault ? "(none)" : $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
