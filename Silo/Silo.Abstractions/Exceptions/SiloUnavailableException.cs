namespace Silo;

/// <summary>The silo is not running (not started yet, stopping or stopped) and takes no new calls.</summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException()
        : base("The silo is not accepting calls: it is stopping or stopped.")
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
