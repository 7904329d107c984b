namespace Silo;

/// <summary>
/// A grain interface addressed by a string key. The code generator emits a reference (proxy) type for every
/// interface deriving from this one.
/// </summary>
public interface IGrainWithStringKey : IGrain;
