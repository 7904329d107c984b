namespace Silo;

/// <summary>The storage behind a grain's state failed (unreachable, read-only, locked, full). Nothing was acknowledged.</summary>
public sealed class GrainStorageException : Exception
{
    public GrainStorageException()
    {
    }

    public GrainStorageException(string message)
        : base(message)
    {
    }

    public GrainStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
