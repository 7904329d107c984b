namespace Silo.Invocation;

/// <summary>The return shape of a grain interface method.</summary>
public enum GrainMethodKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    AsyncEnumerable,
}
