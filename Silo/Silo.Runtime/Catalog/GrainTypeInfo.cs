using System.Reflection;
using Silo.Filters;
using Silo.Hosting;
using Silo.Reminders;
using Silo.Storage;

namespace Silo.Catalog;

/// <summary>
/// Everything the runtime knows about one grain class, worked out once at registration: its type name, turn
/// policy, idle age and how to construct it (services and persistent states).
/// </summary>
internal sealed class GrainTypeInfo
{
    private readonly ConstructorInvoker _constructor;
    private readonly ParameterPlan[] _parameters;
    private int _activationCount;

    private GrainTypeInfo(Type grainClass, string name, IReadOnlyList<Type> interfaces, ConstructorInfo constructor, ParameterPlan[] parameters)
    {
        GrainClass = grainClass;
        Name = name;
        Interfaces = interfaces;
        _constructor = ConstructorInvoker.Create(constructor);
        _parameters = parameters;
        IsReentrant = grainClass.GetCustomAttribute<ReentrantAttribute>() is not null;
        HasIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(grainClass);
        IsRemindable = typeof(IRemindable).IsAssignableFrom(grainClass);
        MetricTag = new KeyValuePair<string, object?>("grain.type", name);
        States = parameters.Where(p => p.State is not null).Select(p => p.State!).ToArray();
    }

    /// <summary>The grain type name, first part of every <see cref="GrainId"/> of this class.</summary>
    public string Name { get; }

    public Type GrainClass { get; }

    /// <summary>The grain interfaces the class implements.</summary>
    public IReadOnlyList<Type> Interfaces { get; }

    public bool IsReentrant { get; }

    public bool HasIncomingFilter { get; }

    public bool IsRemindable { get; }

    /// <summary>Idle age before collection; null when the type is always active.</summary>
    public TimeSpan? CollectionAge { get; private set; }

    /// <summary>The persistent states the constructor asks for.</summary>
    public IReadOnlyList<StateDescriptor> States { get; }

    /// <summary>The metrics tag of this type, allocated once.</summary>
    public KeyValuePair<string, object?> MetricTag { get; }

    public int ActivationCount => Volatile.Read(ref _activationCount);

    public void OnActivationCreated() => Interlocked.Increment(ref _activationCount);

    public void OnActivationRemoved() => Interlocked.Decrement(ref _activationCount);

    public static GrainTypeInfo Create(Type grainClass)
    {
        if (!typeof(Grain).IsAssignableFrom(grainClass) || grainClass.IsAbstract || grainClass.IsGenericTypeDefinition)
        {
            throw new InvalidOperationException($"{grainClass.FullName} cannot be a grain: grains are concrete, non-generic classes deriving from Silo.Grain.");
        }

        var interfaces = grainClass.GetInterfaces()
            .Where(i => i != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(i))
            .ToArray();
        if (interfaces.Length == 0)
        {
            throw new InvalidOperationException($"{grainClass.FullName} implements no grain interface (an interface deriving from IGrainWithStringKey).");
        }

        var constructors = grainClass.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"{grainClass.FullName} must have exactly one public constructor; it has {constructors.Length}.");
        }

        var parameters = constructors[0].GetParameters().Select(p => ParameterPlan.Create(grainClass, p)).ToArray();
        var duplicate = parameters.Where(p => p.State is not null).GroupBy(p => p.State!.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{grainClass.FullName} declares the persistent state '{duplicate.Key}' more than once.");
        }

        return new GrainTypeInfo(grainClass, NameOf(grainClass), interfaces, constructors[0], parameters);
    }

    /// <summary>Applies the idle age: configuration first, then the class attribute, then the default.</summary>
    public void ApplyOptions(SiloOptions options)
    {
        var attribute = GrainClass.GetCustomAttribute<CollectionAgeLimitAttribute>();
        if (options.CollectionAgeByGrainType.TryGetValue(Name, out var configured))
        {
            CollectionAge = configured;
        }
        else if (attribute is { AlwaysActive: true })
        {
            CollectionAge = null;
        }
        else if (attribute is { Minutes: > 0 })
        {
            CollectionAge = TimeSpan.FromMinutes(attribute.Minutes);
        }
        else
        {
            CollectionAge = options.DefaultCollectionAge;
        }
    }

    /// <summary>Constructs the grain: services from DI, states bound to the activation.</summary>
    public Grain CreateInstance(IGrainContext context, IServiceProvider services, Func<StateDescriptor, IGrainStorage> storageFor, List<IStateLoader> states)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var plan = _parameters[i];
            if (plan.State is { } descriptor)
            {
                var state = descriptor.Create(context.GrainId, storageFor(descriptor));
                states.Add(state);
                arguments[i] = state;
            }
            else
            {
                arguments[i] = services.GetService(plan.ServiceType)
                    ?? (plan.HasDefault ? plan.DefaultValue : throw new InvalidOperationException(
                        $"Grain {GrainClass.Name} needs a {plan.ServiceType.Name} (constructor parameter '{plan.Name}') but none is registered."));
            }
        }

        return GrainContextScope.Construct(context, () => (Grain)_constructor.Invoke(arguments.AsSpan()));
    }

    /// <summary>ChatSessionGrain → "chat-session", unless [GrainType] names it.</summary>
    private static string NameOf(Type grainClass)
    {
        if (grainClass.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return GrainId.Create(attribute.Name, "x").Type;
        }

        var name = grainClass.Name.EndsWith("Grain", StringComparison.Ordinal) && grainClass.Name.Length > 5
            ? grainClass.Name[..^5]
            : grainClass.Name;
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private sealed record ParameterPlan(string Name, Type ServiceType, bool HasDefault, object? DefaultValue, StateDescriptor? State)
    {
        public static ParameterPlan Create(Type grainClass, ParameterInfo parameter)
        {
            var name = parameter.Name ?? "?";
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
            {
                var type = parameter.ParameterType;
                if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
                {
                    throw new InvalidOperationException($"{grainClass.FullName}: [PersistentState] parameter '{name}' must be of type IPersistentState<T>.");
                }

                return new ParameterPlan(name, type, false, null, StateDescriptor.Create(grainClass, attribute, type.GetGenericArguments()[0]));
            }

            return new ParameterPlan(name, parameter.ParameterType, parameter.HasDefaultValue, parameter.HasDefaultValue ? parameter.DefaultValue : null, null);
        }
    }
}
