namespace Silo.Storage;

/// <summary>The one wording of an ETag conflict, shared by every provider.</summary>
internal static class StorageConflict
{
    public static InconsistentStateException Create(string stateName, GrainId grainId, string? storedEtag, string? heldEtag) =>
        new(
            $"State '{stateName}' of grain {grainId} was changed by another writer (stored ETag {storedEtag ?? "none"}, held ETag {heldEtag ?? "none"}); nothing was written.",
            storedEtag,
            heldEtag);
}
