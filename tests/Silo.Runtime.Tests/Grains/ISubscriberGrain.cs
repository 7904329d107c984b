namespace Silo.Runtime.Tests.Grains;

public interface ISubscriberGrain : IGrainWithStringKey
{
    /// <summary>Subscribes this grain to the stream; received items are recorded as "got:{key}:{item}".</summary>
    Task Subscribe(string streamKey);

    Task<IReadOnlyList<int>> Received();

    Task DeactivateSoon();
}
