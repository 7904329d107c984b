namespace Silo;

/// <summary>Creates references to grains. A reference is cheap; the grain activates on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain of <typeparamref name="TGrainInterface"/> with this key.</summary>
    /// <exception cref="ArgumentException">The key is empty, longer than 512 characters or contains a control character.</exception>
    /// <exception cref="InvalidOperationException">No grain class implementing the interface is registered.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
