namespace Silo.Hosting;

/// <summary>Names of storage and stream providers.</summary>
public static class SiloProviderNames
{
    /// <summary>The provider used when a [PersistentState] or a stream lookup names none.</summary>
    public const string Default = "Default";
}
