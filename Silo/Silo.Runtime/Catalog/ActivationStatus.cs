namespace Silo.Catalog;

/// <summary>The life of an activation: created by the catalog, activated by its first call, deactivated once.</summary>
internal enum ActivationStatus
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
