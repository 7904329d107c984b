namespace Silo.Storage;

/// <summary>One [PersistentState] constructor parameter of a grain class.</summary>
internal sealed class StateDescriptor
{
    private readonly Func<GrainId, string, IGrainStorage, IStateLoader> _create;

    private StateDescriptor(string name, string? storageName, Type stateType, Func<GrainId, string, IGrainStorage, IStateLoader> create)
    {
        Name = name;
        StorageName = storageName;
        StateType = stateType;
        _create = create;
    }

    public string Name { get; }

    /// <summary>The storage provider name; null for the default.</summary>
    public string? StorageName { get; }

    public Type StateType { get; }

    public IStateLoader Create(GrainId grainId, IGrainStorage storage) => _create(grainId, Name, storage);

    public static StateDescriptor Create(Type grainClass, PersistentStateAttribute attribute, Type stateType)
    {
        if (string.IsNullOrWhiteSpace(attribute.StateName))
        {
            throw new InvalidOperationException($"{grainClass.FullName}: a [PersistentState] needs a non-empty state name.");
        }

        if (!stateType.IsValueType && stateType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"{grainClass.FullName}: state '{attribute.StateName}' is of type {stateType.Name}, which has no parameterless constructor; the runtime must be able to create an empty state.");
        }

        var factory = typeof(StateDescriptor).GetMethod(nameof(Factory), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(stateType)
            .CreateDelegate<Func<Func<GrainId, string, IGrainStorage, IStateLoader>>>();
        return new StateDescriptor(attribute.StateName, attribute.StorageName, stateType, factory());
    }

    private static Func<GrainId, string, IGrainStorage, IStateLoader> Factory<TState>() =>
        static (grainId, name, storage) => new PersistentState<TState>(grainId, name, storage);
}
