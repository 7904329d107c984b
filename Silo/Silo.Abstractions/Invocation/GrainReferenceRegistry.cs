using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Silo.Invocation;

/// <summary>
/// Maps grain interfaces to their generated reference types. Generated module initializers fill it; the runtime
/// reads it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainReferenceRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<IGrainCallInvoker, GrainId, GrainReference>> s_factories = new();

    /// <summary>Called by generated code once per grain interface.</summary>
    public static void Register<TGrainInterface>(Func<IGrainCallInvoker, GrainId, GrainReference> factory)
        where TGrainInterface : IGrain
    {
        ArgumentNullException.ThrowIfNull(factory);
        s_factories[typeof(TGrainInterface)] = factory;
    }

    /// <summary>Returns the reference factory of a grain interface.</summary>
    /// <exception cref="InvalidOperationException">The interface's assembly was not built with Silo.CodeGenerator.</exception>
    public static Func<IGrainCallInvoker, GrainId, GrainReference> GetFactory(Type grainInterface)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        if (s_factories.TryGetValue(grainInterface, out var factory))
        {
            return factory;
        }

        // A module initializer runs when its module is first touched; typeof() alone may not touch it.
        RuntimeHelpers.RunModuleConstructor(grainInterface.Module.ModuleHandle);
        return s_factories.TryGetValue(grainInterface, out factory)
            ? factory
            : throw new InvalidOperationException(
                $"No grain reference was generated for {grainInterface.FullName}. Reference Silo.CodeGenerator as an analyzer from the project that declares the interface.");
    }
}
