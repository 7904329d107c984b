using System.Collections.Frozen;
using Silo.Hosting;

namespace Silo.Catalog;

/// <summary>The registered grain classes, by interface and by type name. Frozen when the silo starts.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<Type, GrainTypeInfo> _byInterface;
    private readonly FrozenDictionary<string, GrainTypeInfo> _byName;

    public GrainTypeRegistry(IEnumerable<Type> grainClasses, SiloOptions options)
    {
        var byInterface = new Dictionary<Type, GrainTypeInfo>();
        var byName = new Dictionary<string, GrainTypeInfo>(StringComparer.Ordinal);
        foreach (var grainClass in grainClasses.Distinct())
        {
            var info = GrainTypeInfo.Create(grainClass);
            info.ApplyOptions(options);
            if (!byName.TryAdd(info.Name, info))
            {
                throw new InvalidOperationException(
                    $"Grain classes {byName[info.Name].GrainClass.FullName} and {grainClass.FullName} both have the type name '{info.Name}'; give one a [GrainType] name.");
            }

            foreach (var grainInterface in info.Interfaces)
            {
                if (!byInterface.TryAdd(grainInterface, info))
                {
                    throw new InvalidOperationException(
                        $"Grain interface {grainInterface.FullName} is implemented by both {byInterface[grainInterface].GrainClass.FullName} and {grainClass.FullName}; a grain interface must have one implementation.");
                }
            }
        }

        _byInterface = byInterface.ToFrozenDictionary();
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<GrainTypeInfo> All => _byName.Values;

    public GrainTypeInfo ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class implementing {grainInterface.FullName} is registered with the silo.");

    public GrainTypeInfo? ForName(string typeName) => _byName.GetValueOrDefault(typeName);
}
