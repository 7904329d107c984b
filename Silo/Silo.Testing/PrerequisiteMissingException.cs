namespace Silo.Testing;

/// <summary>A test's prerequisite is missing where it must not be (CI).</summary>
public sealed class PrerequisiteMissingException : Exception
{
    public PrerequisiteMissingException()
    {
    }

    public PrerequisiteMissingException(string message)
        : base(message)
    {
    }

    public PrerequisiteMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
