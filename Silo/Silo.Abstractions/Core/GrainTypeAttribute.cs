namespace Silo;

/// <summary>
/// Names a grain class's type. The name is part of every stored row's key, so keep it stable; without this
/// attribute the name is the class name, lower-cased, without a trailing "Grain".
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
