namespace Silo;

/// <summary>
/// Lets requests to this grain class interleave at their awaits. Code between awaits still never runs
/// concurrently with other code of the same activation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
